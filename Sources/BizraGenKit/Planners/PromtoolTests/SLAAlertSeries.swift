import BizraRules
import BizraSpec

/// The series that drive one SLA alert across its target, for `promtool test rules`:
/// `breaching` puts the alert's value on the firing side of the SLA target (the query then
/// evaluates to exactly `breachValue`), `compliant` keeps it just on the other side.
public struct SLAAlertSeries: Equatable, Sendable {
    public var breaching: [PromtoolSeries]
    /// The value the alert's query has with the `breaching` series (what `$value` expands to).
    public var breachValue: Double
    public var compliant: [PromtoolSeries]

    /// Requests per interval in the simulated traffic.
    public static let requestsPerInterval = 1_000.0

    /// The series for `alert`, or nil when the alert reads a metric this type cannot simulate.
    public static func make(for alert: SLAAlert, spec: Spec) -> SLAAlertSeries? {
        let namespace = spec.platform.namespace
        switch alert.metrics.first {
        case SLAAlerts.requestDuration? where alert.comparison == .above:
            return latency(threshold: alert.threshold, namespace: namespace)
        case SLAAlerts.requestsTotal? where alert.comparison == .above:
            guard let status = SLAMetrics.statusLabel(in: spec) else { return nil }
            return errorRatio(target: alert.threshold, statusLabel: status, namespace: namespace)
        case let metric? where alert.metrics.count == 1 && alert.query.hasPrefix("avg(\(metric){"):
            return gauge(metric, threshold: alert.threshold, comparison: alert.comparison, namespace: namespace)
        default:
            return nil
        }
    }

    /// A request-duration histogram with buckets at the target `t` and at `2t`. Breaching: every
    /// request slower than `2t`, so any quantile is `2t` (the bound below `+Inf`). Compliant:
    /// every request within `t`, so the q-quantile is `q·t`, just below the target.
    static func latency(threshold: Double, namespace: String) -> SLAAlertSeries {
        let target = NumberText.decimal(threshold)
        let above = NumberText.decimal(threshold * 2)
        func buckets(_ counts: [(String, Double)]) -> [PromtoolSeries] {
            counts.map { le, step in
                PromtoolSeries(metric: "\(SLAAlerts.requestDuration)_bucket",
                               labels: [("namespace", namespace), ("le", le)], step: step)
            }
        }
        let n = requestsPerInterval
        return SLAAlertSeries(
            breaching: buckets([(target, 0), (above, 0), ("+Inf", n)]),
            breachValue: Double(above)!,
            compliant: buckets([(target, n), (above, n), ("+Inf", n)]))
    }

    /// 5xx and 2xx request counters. Breaching: twice the target error ratio (capped below 1);
    /// compliant: nine tenths of it.
    static func errorRatio(target: Double, statusLabel: String, namespace: String) -> SLAAlertSeries {
        let n = requestsPerInterval
        func counters(_ ratio: Double) -> (series: [PromtoolSeries], errors: Double) {
            let errors = Double(NumberText.decimal(ratio * n))!
            return ([PromtoolSeries(metric: SLAAlerts.requestsTotal,
                                    labels: [("namespace", namespace), (statusLabel, "500")], step: errors),
                     PromtoolSeries(metric: SLAAlerts.requestsTotal,
                                    labels: [("namespace", namespace), (statusLabel, "200")], step: n - errors)],
                    errors)
        }
        let breach = counters(target * 2 < 1 ? target * 2 : (target + 1) / 2)
        return SLAAlertSeries(breaching: breach.series, breachValue: breach.errors / n,
                              compliant: counters(target * 0.9).series)
    }

    /// A gauge. Breaching: one unit (or half the distance to zero) past the threshold;
    /// compliant: exactly at the threshold, which a strict comparison must not fire on.
    static func gauge(_ metric: String, threshold: Double, comparison: SLAAlert.Comparison,
                      namespace: String) -> SLAAlertSeries {
        let delta = abs(threshold) >= 2 ? 1 : max(abs(threshold) / 2, 0.5)
        let breach = Double(NumberText.decimal(comparison == .below ? threshold - delta : threshold + delta))!
        func series(_ value: Double) -> [PromtoolSeries] {
            [PromtoolSeries(metric: metric, labels: [("namespace", namespace)], start: value, step: 0)]
        }
        return SLAAlertSeries(breaching: series(breach), breachValue: breach, compliant: series(threshold))
    }
}
