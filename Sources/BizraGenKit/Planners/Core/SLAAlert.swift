import BizraSpec

/// A Prometheus alert derived from one SLA target, typed so that conformance tests can generate
/// `promtool test rules` cases from it (series on either side of `threshold`).
public struct SLAAlert: Equatable, Sendable {
    /// Which side of the threshold fires.
    public enum Comparison: String, Equatable, Sendable {
        case above = ">", below = "<"
    }

    /// The alert's name, e.g. `SLALatencyP95Breached`.
    public var name: String
    /// The value compared with the threshold, e.g. the p95 of the request-duration histogram.
    public var query: String
    public var comparison: Comparison
    /// The SLA target in the query's unit (seconds, a fraction, a score).
    public var threshold: Double
    public var forDuration: TimeSpan
    public var severity: Alert.Severity
    /// Where the target is stated in the spec, e.g. `sla.latency.p95`.
    public var slaPath: String
    /// The target as written in the spec, e.g. `100ms`.
    public var target: String
    /// The metrics the query reads (as the service declares them).
    public var metrics: [String]
    public var summary: String
    public var description: String

    /// The full PromQL expression: `query > threshold` (or `<`).
    public var expr: String { "\(query) \(comparison.rawValue) \(NumberText.decimal(threshold))" }
}
