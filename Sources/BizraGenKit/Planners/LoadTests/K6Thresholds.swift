import BizraSpec

/// The k6 thresholds of every scenario, derived from the SLA.
public struct K6Thresholds: Equatable, Sendable {
    /// `http_req_duration`: `p(50)<50`, `p(95)<100`, `p(99)<200` (milliseconds).
    public var requestDuration: [String]
    /// `http_req_failed`: `rate<0.01` from the SLA error rate.
    public var requestFailed: String
    /// `checks`: `rate>0.99`, the complement of the error rate.
    public var checks: String

    public init(sla: SLA) {
        let latency = sla.latency
        requestDuration = [("50", latency.p50), ("95", latency.p95), ("99", latency.p99)].map { quantile, target in
            "p(\(quantile))<\(NumberText.decimal(Double(target.milliseconds)))"
        }
        requestFailed = "rate<\(NumberText.decimal(sla.errorRate.fraction))"
        checks = "rate>\(NumberText.decimal(1 - sla.errorRate.fraction))"
    }
}
