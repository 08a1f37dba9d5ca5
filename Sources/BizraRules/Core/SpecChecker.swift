import BizraSpec

/// Runs every rule of the catalogue over a loaded spec, spread over the machine's cores.
public struct SpecChecker: Sendable {
    public var rules: [any Rule]

    public init(rules: [any Rule] = RuleCatalogue.all.map { $0.init() }) {
        self.rules = rules
    }

    /// Every finding, in a stable order (file, line, column, rule). A spec of another version gets
    /// SPEC006 alone. A spec with a unit literal that
    /// does not parse (the Swift DSL's) gets those SPEC002 findings alone, as a YAML spec stops at load:
    /// the other rules would read the literal's placeholder as if it had been written.
    public func check(_ spec: Spec) -> [Finding] {
        // A version this bizra-gen does not read is all there is to say, as a YAML spec stops at load.
        guard spec.version == Spec.supportedVersion else { return SpecValues.findings(in: spec) }
        let unparsed = InvalidLiterals.findings(in: spec)
        guard unparsed.isEmpty else { return unparsed.sortedByLocation() }
        let analysis = SpecAnalysis(spec)
        let findings = rules.concurrentMap { $0.check(spec, with: analysis) }
            .flatMap { $0 }.sortedByLocation()
        return Suppressions.apply(to: findings, of: spec, checked: Set(rules.map { type(of: $0).identifier }))
    }
}
