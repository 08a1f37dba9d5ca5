import BizraSpec

/// REG001.
public struct RegionWeightsTotal: Rule {
    public static let identifier = "REG001"
    public static let severity = Severity.error
    public static let summary = "weights do not add up to 100"
    public static let explanation = """
        Region weights are the percentages of traffic DNS sends to each region, and the capacity checks take \
        each region's share of the peak from them. Weights that do not add up to 100 make every share wrong.
        """
    public static let triggeringExamples: [RuleExample] = [.overlay("regions:\n  list:\n    - { name: eu-west-1, weight: 30 }\n")]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("regions:\n  list:\n    - { name: us-east-1, weight: 60 }\n    - { name: eu-west-1, weight: 30 }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let regions = spec.regions else { return [] }
        let total = regions.list.reduce(0) { $0 + $1.weight }
        guard total != 100 else { return [] }
        let sum = regions.list.map { "\($0.weight) (\($0.name))" }.joined(separator: " + ")
        return [finding("region weights add up to \(sum) = \(total), not 100", at: regions.source["list"],
                        notes: regions.list.map { .init("\($0.name) weighs \($0.weight)", at: $0.source["weight"]) })]
    }
}
