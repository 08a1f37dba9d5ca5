import BizraRules
import BizraSpec

/// A Grafana dashboard whose panels chart the SLA indicators against the SLA targets
/// (the targets are the panels' threshold steps).
struct GrafanaDashboard {
    /// One time series panel.
    struct Panel {
        var title: String
        var unit: String
        var queries: [(expr: String, legend: String)]
        /// Threshold steps above the base colour: (value, colour).
        var thresholds: [(value: Double, color: String)]
        var baseColor = "green"
    }

    var name: String
    var title: String
    var tags: [String]
    var panels: [Panel]

    /// The dashboard `name` of the platform: the SLA panels whose metrics a service declares (the
    /// ihsan score's only when the SLA has one).
    static func sla(name: String, spec: Spec) -> GrafanaDashboard {
        let namespace = spec.platform.namespace
        let sla = spec.sla
        var panels: [Panel] = []
        if SLAMetrics.declared(SLAAlerts.requestDuration, .histogram, in: spec) != nil {
            panels.append(Panel(
                title: "Request latency (SLA p95 \(sla.latency.p95), p99 \(sla.latency.p99))", unit: "s",
                queries: [("0.5", "p50"), ("0.95", "p95"), ("0.99", "p99")].map {
                    (SLAAlerts.latencyQuery(quantile: $0.0, namespace: namespace), $0.1)
                },
                thresholds: [(sla.latency.p95.seconds, "orange"), (sla.latency.p99.seconds, "red")]))
        }
        if SLAMetrics.declared(SLAAlerts.requestsTotal, .counter, in: spec) != nil {
            let total = SLAAlerts.requestRateQuery(namespace: namespace)
            panels.append(Panel(
                title: "Throughput (SLA sustained \(sla.throughput.sustained), peak \(sla.throughput.peak))", unit: "reqps",
                queries: [(total, "requests/s")],
                thresholds: [(sla.throughput.sustained.perSecond, "orange"), (sla.throughput.peak.perSecond, "red")]))
            if let status = SLAMetrics.statusLabel(in: spec) {
                panels.append(Panel(
                    title: "Error rate (SLA \(sla.errorRate))", unit: "percentunit",
                    queries: [(SLAAlerts.errorRateQuery(statusLabel: status, namespace: namespace), "5xx share")],
                    thresholds: [(sla.errorRate.fraction, "red")]))
            }
        }
        if let score = sla.ihsanScore, let gauge = SLAMetrics.ihsanScore(in: spec) {
            panels.append(Panel(
                title: "Ihsan score (SLA min \(NumberText.decimal(score.min)))", unit: "none",
                queries: [(SLAAlerts.ihsanScoreQuery(metric: gauge.name, namespace: namespace), "ihsan score")],
                thresholds: [(score.min, "green")], baseColor: "red"))
        }
        let title = name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return GrafanaDashboard(name: name, title: "\(spec.platform.name) \(title)",
                                tags: [spec.platform.name, spec.platform.environment, "sla"], panels: panels)
    }

    /// The dashboard's JSON model.
    var json: DashboardJSON {
        let panelJSON: [DashboardJSON] = panels.enumerated().map { index, panel in
            let steps: [DashboardJSON] = [.sorted(["color": .string(panel.baseColor), "value": .null])]
                + panel.thresholds.map { .sorted(["color": .string($0.color), "value": .number($0.value)]) }
            let targets: [DashboardJSON] = panel.queries.enumerated().map { queryIndex, query in
                .sorted([
                    "datasource": Self.datasource,
                    "expr": .string(query.expr),
                    "legendFormat": .string(query.legend),
                    "refId": .string(String(UnicodeScalar(UInt8(65 + queryIndex)))),
                ])
            }
            return .sorted([
                "id": .int(index + 1),
                "type": .string("timeseries"),
                "title": .string(panel.title),
                "datasource": Self.datasource,
                "gridPos": .sorted(["h": .int(8), "w": .int(12), "x": .int((index % 2) * 12), "y": .int((index / 2) * 8)]),
                "targets": .array(targets),
                "fieldConfig": .sorted([
                    "defaults": .sorted([
                        "unit": .string(panel.unit),
                        "custom": .sorted(["thresholdsStyle": .sorted(["mode": .string("line")])]),
                        "thresholds": .sorted(["mode": .string("absolute"), "steps": .array(steps)]),
                    ]),
                    "overrides": .array([]),
                ]),
                "options": .sorted(["legend": .sorted(["displayMode": .string("list"), "placement": .string("bottom"), "showLegend": .bool(true)])]),
            ])
        }
        return .sorted([
            "uid": .string(String(name.prefix(40))),
            "title": .string(title),
            "tags": .array(tags.map(DashboardJSON.string)),
            "editable": .bool(false),
            "schemaVersion": .int(39),
            "version": .int(1),
            "refresh": .string("30s"),
            "time": .sorted(["from": .string("now-6h"), "to": .string("now")]),
            "timezone": .string("utc"),
            "templating": .sorted(["list": .array([])]),
            "annotations": .sorted(["list": .array([])]),
            "panels": .array(panelJSON),
        ])
    }

    static let datasource: DashboardJSON = .sorted(["type": .string("prometheus"), "uid": .string("prometheus")])
}
