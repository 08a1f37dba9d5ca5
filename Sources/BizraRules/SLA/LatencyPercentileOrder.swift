import BizraSpec

/// SLA001.
public struct LatencyPercentileOrder: Rule {
    public static let identifier = "SLA001"
    public static let severity = Severity.error
    public static let summary = "latency percentiles out of order (p50 <= p95 <= p99 must hold)"
    public static let explanation = """
        A higher percentile can never be faster than a lower one: 95% of requests include the fastest 50%. \
        Targets out of order are a typo, and every threshold derived from them (alerts, k6 thresholds) would be \
        contradictory. The diagnostic points at the percentile that breaks the order, with a note at the one it \
        contradicts.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("sla: { latency: { p50: 50ms, p95: 300ms, p99: 200ms } }\n"),
        .overlay("sla: { latency: { p50: 150ms, p95: 100ms, p99: 200ms } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("sla: { latency: { p50: 100ms, p95: 100ms, p99: 200ms } }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        let latency = spec.sla.latency
        let order: [(String, TimeSpan)] = [("p50", latency.p50), ("p95", latency.p95), ("p99", latency.p99)]
        return zip(order, order.dropFirst()).compactMap { lower, higher in
            guard higher.1 < lower.1 else { return nil }
            return finding("sla.latency.\(higher.0) \(higher.1) is below \(lower.0) \(lower.1); \(higher.0) must be at least \(lower.1)",
                           at: latency.source[higher.0],
                           notes: [.init("sla.latency.\(lower.0) is \(lower.1) here", at: latency.source[lower.0])])
        }
    }
}
