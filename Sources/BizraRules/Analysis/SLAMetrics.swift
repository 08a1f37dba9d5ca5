import BizraSpec

/// The series the SLA alerts are derived from, and which service declares them: latency from the
/// request-duration histogram, the error rate from the request counter with a status label, the
/// ihsan score (when the SLA has one) from its gauge, `sla.ihsanScore.metric`. The generator derives
/// from these (SLAAlerts, the chaos verification) and REF003 says what to declare when one is
/// missing, so that no SLA target goes unwatched without a finding.
public enum SLAMetrics {
    /// The request-duration histogram (seconds).
    public static let requestDuration = "http_request_duration_seconds"
    /// The request counter.
    public static let requestsTotal = "http_requests_total"
    /// Labels that carry the HTTP status, in order of preference.
    public static let statusLabels = ["status", "code", "status_code"]

    /// The metric `name` of type `type` as the first service declaring it has it.
    public static func declared(_ name: String, _ type: Metric.Kind, in spec: Spec) -> Metric? {
        for service in spec.services {
            if let metric = service.metrics.first(where: { $0.name == name && $0.type == type }) { return metric }
        }
        return nil
    }

    /// The status label of the declared request counter, when it has one.
    public static func statusLabel(in spec: Spec) -> String? {
        declared(requestsTotal, .counter, in: spec).flatMap { counter in statusLabels.first { counter.labels.contains($0) } }
    }

    /// The ihsan score gauge as the first service declaring it has it; nil when the SLA has no
    /// ihsan score or no service declares its metric as a gauge.
    public static func ihsanScore(in spec: Spec) -> Metric? {
        spec.sla.ihsanScore.flatMap { declared($0.metric, .gauge, in: spec) }
    }
}
