import BizraSpec

/// Runs every rule of the catalogue over a loaded spec, spread over the machine's cores.
public struct SpecChecker: Sendable {
    public var rules: [any Rule]

    public init(rules: [any Rule] = RuleCatalogue.all.map { $0.init() }) {
        self.rules = rules
    }

    /// Every finding, in a stable order (file, line, column, rule).
    public func check(_ spec: Spec) -> [Finding] {
        let analysis = SpecAnalysis(spec)
        let findings = rules.concurrentMap { $0.check(spec, with: analysis) }.flatMap { $0 }.sortedByLocation()
        return Suppressions.apply(spec.suppressions, to: findings, checked: Set(rules.map { type(of: $0).identifier }))
    }
}
