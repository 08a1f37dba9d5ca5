import BizraRules
import BizraSpec

/// Derives the SLA alerts from the SLA targets and the metrics a service declares.
///
/// Each alert reads a metric of one service (the first that declares it with the expected type)
/// and exists only when that metric does: latency from the request-duration histogram, error
/// rate from the request counter with a status label, the ihsan score (when the SLA has one) from
/// its gauge. The queries are built here once, for the alerts, the dashboards and the chaos verification.
public enum SLAAlerts {
    public static let requestDuration = SLAMetrics.requestDuration
    public static let requestsTotal = SLAMetrics.requestsTotal
    public static let statusLabels = SLAMetrics.statusLabels
    /// The window of `rate()` in derived queries.
    public static let rateWindow = "5m"
    /// How long a breach lasts before the alert fires.
    public static let pendingFor = TimeSpan.minutes(5)

    /// The p-quantile of request latency in the platform's namespace.
    public static func latencyQuery(quantile: String, namespace: String) -> String {
        "histogram_quantile(\(quantile), sum by (le) (rate(\(requestDuration)_bucket{namespace=\"\(namespace)\"}[\(rateWindow)])))"
    }

    /// The request rate in the platform's namespace.
    public static func requestRateQuery(namespace: String) -> String {
        "sum(rate(\(requestsTotal){namespace=\"\(namespace)\"}[\(rateWindow)]))"
    }

    /// The share of 5xx responses in the platform's namespace, told by the counter's `statusLabel`.
    public static func errorRateQuery(statusLabel: String, namespace: String) -> String {
        let errors = "sum(rate(\(requestsTotal){namespace=\"\(namespace)\",\(statusLabel)=~\"5..\"}[\(rateWindow)]))"
        return "\(errors) / \(requestRateQuery(namespace: namespace))"
    }

    /// The average ihsan score `metric` in the platform's namespace, per `label` when given (`region`).
    public static func ihsanScoreQuery(metric: String, namespace: String, by label: String? = nil) -> String {
        let selector = "\(metric){namespace=\"\(namespace)\"}"
        return label.map { "avg by (\($0)) (\(selector))" } ?? "avg(\(selector))"
    }

    /// The alerts for `spec`, in a stable order: p95, p99, error rate, ihsan score.
    public static func derive(from spec: Spec) -> [SLAAlert] {
        let namespace = spec.platform.namespace
        let sla = spec.sla
        var alerts: [SLAAlert] = []
        if SLAMetrics.declared(requestDuration, .histogram, in: spec) != nil {
            for (label, quantile, target, severity) in [("p95", "0.95", sla.latency.p95, Alert.Severity.warning),
                                                        ("p99", "0.99", sla.latency.p99, .critical)] {
                alerts.append(SLAAlert(
                    name: "SLALatency\(label.uppercased())Breached",
                    query: latencyQuery(quantile: quantile, namespace: namespace),
                    comparison: .above, threshold: target.seconds, forDuration: pendingFor, severity: severity,
                    slaPath: "sla.latency.\(label)", target: target.description, metrics: [requestDuration],
                    summary: "\(label) latency above the SLA target of \(target)",
                    description: "The \(label) latency of requests in \(namespace) is {{ $value }}s, above the SLA target sla.latency.\(label) = \(target)."))
            }
        }
        if let status = SLAMetrics.statusLabel(in: spec) {
            alerts.append(SLAAlert(
                name: "SLAErrorRateBreached", query: errorRateQuery(statusLabel: status, namespace: namespace),
                comparison: .above, threshold: sla.errorRate.fraction, forDuration: pendingFor, severity: .critical,
                slaPath: "sla.errorRate", target: sla.errorRate.description, metrics: [requestsTotal],
                summary: "5xx error rate above the SLA target of \(sla.errorRate)",
                description: "The share of 5xx responses in \(namespace) is {{ $value | humanizePercentage }}, above the SLA target sla.errorRate = \(sla.errorRate)."))
        }
        if let score = sla.ihsanScore, let gauge = SLAMetrics.ihsanScore(in: spec) {
            let minimum = NumberText.decimal(score.min)
            alerts.append(SLAAlert(
                name: "SLAIhsanScoreBelowMinimum", query: ihsanScoreQuery(metric: gauge.name, namespace: namespace),
                comparison: .below, threshold: score.min, forDuration: pendingFor, severity: .critical,
                slaPath: "sla.ihsanScore.min", target: minimum, metrics: [gauge.name],
                summary: "ihsan score below the SLA minimum of \(minimum)",
                description: "The average ihsan compliance score in \(namespace) is {{ $value }}, below the SLA target sla.ihsanScore.min = \(minimum)."))
        }
        return alerts
    }
}
