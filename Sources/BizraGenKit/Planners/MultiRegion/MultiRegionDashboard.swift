import BizraSpec

/// The multi-region Grafana dashboard, as a ConfigMap the Grafana sidecar loads (label
/// `grafana_dashboard: "1"`): request rate, ihsan score and replication lag per region, with the
/// SLA targets as thresholds.
struct MultiRegionDashboard {
    /// One time series panel: where it sits, its unit and threshold, its queries.
    struct Panel {
        var id: Int
        var title: String
        var gridPos: (h: Int, w: Int, x: Int, y: Int)
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
        var panels: [Panel] = [
            Panel(id: 1, title: "Request rate by region", gridPos: (h: 8, w: 12, x: 0, y: 0),
                  fieldConfig: Self.fields(unit: "reqps", above: sla.throughput.peak.perSecond, good: "green", bad: "red"),
                  targets: [Target(refId: "A", expr: "sum by (region) (rate(http_requests_total{namespace=\"\(ns)\"}[5m]))",
                                   legendFormat: "{{region}}")]),
            Panel(id: 2, title: "Ihsan score by region", gridPos: (h: 8, w: 12, x: 12, y: 0),
                  fieldConfig: Self.fields(unit: "none", above: sla.ihsanScore.min, good: "red", bad: "green"),
                  targets: [Target(refId: "A", expr: "avg by (region) (ahsan_compliance_score{namespace=\"\(ns)\"})",
                                   legendFormat: "{{region}}")]),
        ]
        var lagTargets: [Target] = []
        for (index, replication) in regions.databaseReplications.enumerated() {
            let pods = context.spec.databases.count > 1 ? ",pod=~\"\(replication.source)-[0-9]+\"" : ""
            lagTargets.append(Target(refId: String(UnicodeScalar(UInt8(65 + index % 26))),
                                     expr: "max by (region) (cnpg_pg_replication_lag{namespace=\"\(ns)\"\(pods)})",
                                     legendFormat: "\(replication.source) {{region}}"))
        }
        if !lagTargets.isEmpty {
            let limit = sla.replicationLag.map { $0.database.seconds }
            panels.append(Panel(id: 3, title: "Replication lag", gridPos: (h: 8, w: 24, x: 0, y: 8),
                                fieldConfig: Self.fields(unit: "s", above: limit, good: "green", bad: "red"),
                                targets: lagTargets))
        }
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
