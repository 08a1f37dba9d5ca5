import BizraSpec

/// REG004.
public struct CanaryTooLarge: Rule {
    public static let identifier = "REG004"
    public static let severity = Severity.warning
    public static let summary = "a canary region with more than 20% of the traffic"
    public static let explanation = """
        A canary region receives new releases first, so that a bad release hurts few users. Above 20% of the \
        traffic it is no longer a small blast radius.
        """
    public static let maximum = 20
    public static let triggeringExamples: [RuleExample] = [
        .overlay("regions:\n  list:\n    - { name: eu-west-1, weight: 5 }\n    - { name: ap-southeast-1, weight: 25, canary: true }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("regions:\n  list:\n    - { name: eu-west-1, weight: 10 }\n    - { name: ap-southeast-1, weight: 20, canary: true }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        (spec.regions?.list ?? []).compactMap { region in
            guard region.canary, region.weight > Self.maximum else { return nil }
            return finding("canary region \(region.name) takes \(region.weight)% of the traffic; a canary should take at most \(Self.maximum)%",
                           at: region.source["weight"])
        }
    }
}
