import BizraSpec

/// BENCH003.
public struct InvalidRampingStages: Rule {
    public static let identifier = "BENCH003"
    public static let severity = Severity.error
    public static let summary = "a ramping scenario with no stages or a negative target"
    public static let explanation = """
        A ramping-vus scenario moves the number of virtual users from stage to stage. Without stages k6 refuses \
        the script; a negative target is not a number of users.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("benchmarks:\n  scenarios:\n    - { name: stress, type: ramping-vus, stages: [] }\n"),
        .overlay("benchmarks:\n  scenarios:\n    - { name: concurrency, type: ramping-vus, stages: [{ to: 10, over: 1m }, { to: -5, over: 1m }] }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("benchmarks:\n  scenarios:\n    - { name: concurrency, type: ramping-vus, stages: [{ to: 20, over: 1m }, { to: 0, over: 1m }] }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        (spec.benchmarks?.scenarios ?? []).flatMap { scenario -> [Finding] in
            guard case .rampingVUs(let stages) = scenario.kind else { return [] }
            if stages.isEmpty {
                return [finding("ramping scenario '\(scenario.name)' has no stages; add at least one { to: N, over: 1m }", at: scenario.source["stages"])]
            }
            return stages.filter { $0.target < 0 }.map {
                finding("ramping scenario '\(scenario.name)': stage target \($0.target) is negative; use 0 or more", at: $0.source["to"])
            }
        }
    }
}
