import BizraSpec

/// SLA002.
public struct PercentageRange: Rule {
    public static let identifier = "SLA002"
    public static let severity = Severity.error
    public static let summary = "a percentage out of range (error rate 0% or >= 100%, hit rate > 100%)"
    public static let explanation = """
        An error-rate target of 0% can never be met and turns the error alert into a permanent page; 100% or more \
        accepts every request failing and the alert never fires. A cache hit rate above 100% cannot be reached. \
        The error rate must lie strictly between 0% and 100%, the hit rate at most 100%.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("sla: { errorRate: 0% }\n"),
        .overlay("sla: { errorRate: 100% }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("sla: { errorRate: 0.1%, cache: { hitRate: 100% } }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        var findings: [Finding] = []
        let errorRate = spec.sla.errorRate
        if errorRate.micropercent <= 0 || errorRate.value >= 100 {
            findings.append(finding("sla.errorRate \(errorRate) is out of range; an error-rate target lies strictly between 0% and 100% (1% allows one failed request in a hundred)",
                                    at: spec.sla.source["errorRate"]))
        }
        if let cache = spec.sla.cache, cache.hitRate.value > 100 {
            findings.append(finding("sla.cache.hitRate \(cache.hitRate) is above 100%; a hit rate is at most 100%",
                                    at: cache.source["hitRate"]))
        }
        return findings
    }
}
