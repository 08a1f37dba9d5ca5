import BizraSpec

/// What several rules derive from the same spec, computed once per check run rather than once
/// per rule: every PromQL query parsed, and the catalogue of metrics those queries may read.
public struct SpecAnalysis: Sendable {
    /// Every query of the spec, in the order written, each parsed.
    public let queries: [SpecQuery]
    public let metrics: MetricCatalogue

    public init(_ spec: Spec) {
        queries = SpecQuery.all(in: spec)
        metrics = MetricCatalogue(spec)
    }
}
