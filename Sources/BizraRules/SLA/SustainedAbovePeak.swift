import BizraSpec

/// SLA003.
public struct SustainedAbovePeak: Rule {
    public static let identifier = "SLA003"
    public static let severity = Severity.error
    public static let summary = "sustained throughput above peak"
    public static let explanation = """
        The peak is the most traffic the platform must absorb; the sustained rate is what it carries for long \
        periods. A sustained rate above the peak is a contradiction, and capacity and load tests derived from \
        the peak would be sized too small for the sustained load.
        """
    public static let triggeringExamples: [RuleExample] = [.overlay("sla: { throughput: { peak: 10000rps, sustained: 12000rps } }\n")]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("sla: { throughput: { peak: 10000rps, sustained: 10000rps } }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        let throughput = spec.sla.throughput
        guard throughput.peak < throughput.sustained else { return [] }
        return [finding("sla.throughput.sustained \(throughput.sustained) is above the peak \(throughput.peak); it must be at most \(throughput.peak)",
                        at: throughput.source["sustained"],
                        notes: [.init("the peak is \(throughput.peak) here", at: throughput.source["peak"])])]
    }
}
