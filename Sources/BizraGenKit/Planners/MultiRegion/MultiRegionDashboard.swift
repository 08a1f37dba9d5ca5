import BizraRules
import BizraSpec

/// The multi-region Grafana dashboard, as a ConfigMap the Grafana sidecar loads (label
/// `grafana_dashboard: "1"`): request rate, ihsan score (when the SLA has one) and replication lag
/// per region, with the SLA targets as thresholds. Each row of panels fills the grid's 24 columns.
struct MultiRegionDashboard {
    /// One time series panel: where it sits, its unit and threshold, its queries.
    struct Panel {
        var id = 0
        var title: String
        var gridPos = (h: 8, w: 24, x: 0, y: 0)
        var fieldConfig: DashboardJSON
        var targets: [Target]

        var json: DashboardJSON {
            .sorted([
                "id": .int(id),
                "title": .string(title),
                "type": .string("timeseries"),
                "gridPos": .sorted(["h": .int(gridPos.h), "w": .int(gridPos.w), "x": .int(gridPos.x), "y": .int(gridPos.y)]),
                "fieldConfig": fieldConfig,
                "targets": .array(targets.map(\.json)),
            ])
        }
    }

    struct Target {
        var refId: String
        var expr: String
        var legendFormat: String

        var json: DashboardJSON {
            .sorted(["refId": .string(refId), "expr": .string(expr), "legendFormat": .string(legendFormat)])
        }
    }

    static let fileName = "multi-region.json"

    let object: KubernetesObject

    init(regions: Regions, context: PlanContext) {
        let sla = context.spec.sla
        let ns = context.namespace
        let name = "\(context.platform.name)-multi-region-dashboard"
        var top: [Panel] = [
            Panel(title: "Request rate by region",
                  fieldConfig: Self.fields(unit: "reqps", above: sla.throughput.peak.perSecond, good: "green", bad: "red"),
                  targets: [Target(refId: "A", expr: "sum by (region) (rate(http_requests_total{namespace=\"\(ns)\"}[5m]))",
                                   legendFormat: "{{region}}")]),
        ]
        if let score = sla.ihsanScore, let gauge = SLAMetrics.ihsanScore(in: context.spec) {
            top.append(Panel(title: "Ihsan score by region",
                             fieldConfig: Self.fields(unit: "none", above: score.min, good: "red", bad: "green"),
                             targets: [Target(refId: "A", expr: SLAAlerts.ihsanScoreQuery(metric: gauge.name, namespace: ns, by: "region"),
                                              legendFormat: "{{region}}")]))
        }
        var rows = [top]
        var lagTargets: [Target] = []
        for (index, replication) in regions.replication.postgres.enumerated() {
            let pods = context.spec.databases.count > 1 ? ",pod=~\"\(replication.source)-[0-9]+\"" : ""
            lagTargets.append(Target(refId: String(UnicodeScalar(UInt8(65 + index % 26))),
                                     expr: "max by (region) (cnpg_pg_replication_lag{namespace=\"\(ns)\"\(pods)})",
                                     legendFormat: "\(replication.source) {{region}}"))
        }
        if !lagTargets.isEmpty {
            let limit = sla.replicationLag?.database.map { $0.seconds }
            rows.append([Panel(title: "Replication lag",
                               fieldConfig: Self.fields(unit: "s", above: limit, good: "green", bad: "red"),
                               targets: lagTargets)])
        }
        let panels = Self.laidOut(rows)
        let dashboard: DashboardJSON = .sorted([
            "uid": .string("\(context.platform.name)-multi-region"),
            "title": .string("\(context.platform.name) multi-region"),
            "tags": .array([.string(context.platform.name), .string("multi-region")]),
            "schemaVersion": .int(39),
            "refresh": .string("30s"),
            "time": .sorted(["from": .string("now-6h"), "to": .string("now")]),
            "panels": .array(panels.map(\.json)),
        ])
        var labels = context.labels(component: "dashboards", name: name)
        labels["grafana_dashboard"] = "1"
        object = KubernetesObject(apiVersion: "v1", kind: "ConfigMap", name: name,
                                  namespace: context.spec.observability?.namespace ?? context.namespace,
                                  labels: labels, body: ["data": [Self.fileName: .string(dashboard.text)]])
    }

    /// The `observability.dashboards` entry this dashboard answers: 09 draws it from the regions,
    /// so 05 does not emit a generic one of the same name.
    static let dashboardName = "multi-region"

    static func covers(_ dashboard: String, _ context: PlanContext) -> Bool {
        dashboard == dashboardName && context.spec.regions != nil
    }

    /// Grafana's grid is 24 columns wide: each row's panels share it equally, rows are 8 high,
    /// and panels are numbered in reading order.
    static func laidOut(_ rows: [[Panel]]) -> [Panel] {
        var panels: [Panel] = []
        for (row, members) in rows.enumerated() {
            let width = 24 / members.count
            for (column, var panel) in members.enumerated() {
                panel.id = panels.count + 1
                panel.gridPos = (h: 8, w: width, x: column * width, y: row * 8)
                panels.append(panel)
            }
        }
        return panels
    }

    /// Two threshold steps: `good` below `above`, `bad` from it (no threshold when the SLA has none).
    static func fields(unit: String, above: Double?, good: String, bad: String) -> DashboardJSON {
        var steps: [DashboardJSON] = [.sorted(["color": .string(good), "value": .null])]
        if let above { steps.append(.sorted(["color": .string(bad), "value": .number(above)])) }
        return .sorted(["defaults": .sorted([
            "unit": .string(unit),
            "thresholds": .sorted(["mode": .string("absolute"), "steps": .array(steps)]),
        ])])
    }
}
