import BizraSpec
import Foundation

/// The multi-region Grafana dashboard, as a ConfigMap the Grafana sidecar loads (label
/// `grafana_dashboard: "1"`): request rate, ihsan score and replication lag per region, with the
/// SLA targets as thresholds.
struct MultiRegionDashboard {
    struct Dashboard: Encodable {
        var uid: String
        var title: String
        var tags: [String]
        var schemaVersion = 39
        var refresh = "30s"
        var time = TimeRange()
        var panels: [Panel]
    }
    struct TimeRange: Encodable {
        var from = "now-6h"
        var to = "now"
    }
    struct Panel: Encodable {
        var id: Int
        var title: String
        var type = "timeseries"
        var gridPos: GridPos
        var fieldConfig: FieldConfig
        var targets: [Target]
    }
    struct GridPos: Encodable {
        var h: Int, w: Int, x: Int, y: Int
    }
    struct FieldConfig: Encodable {
        struct Defaults: Encodable {
            var unit: String
            var thresholds: Thresholds
        }
        var defaults: Defaults
    }
    struct Thresholds: Encodable {
        struct Step: Encodable {
            var color: String
            var value: Double?
            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(color, forKey: .color)
                try container.encode(value, forKey: .value) // null is the base step
            }
            enum CodingKeys: String, CodingKey { case color, value }
        }
        var mode = "absolute"
        var steps: [Step]
    }
    struct Target: Encodable {
        var refId: String
        var expr: String
        var legendFormat: String
    }

    static let fileName = "multi-region.json"

    let object: KubernetesObject

    init(regions: Regions, context: PlanContext) {
        let sla = context.spec.sla
        let ns = context.namespace
        let name = "\(context.platform.name)-multi-region-dashboard"
        var panels: [Panel] = [
            Panel(id: 1, title: "Request rate by region", gridPos: GridPos(h: 8, w: 12, x: 0, y: 0),
                  fieldConfig: Self.fields(unit: "reqps", above: sla.throughput.peak.perSecond, good: "green", bad: "red"),
                  targets: [Target(refId: "A", expr: "sum by (region) (rate(http_requests_total{namespace=\"\(ns)\"}[5m]))",
                                   legendFormat: "{{region}}")]),
            Panel(id: 2, title: "Ihsan score by region", gridPos: GridPos(h: 8, w: 12, x: 12, y: 0),
                  fieldConfig: Self.fields(unit: "none", above: sla.ihsanScore.min, good: "red", bad: "green"),
                  targets: [Target(refId: "A", expr: "avg by (region) (ahsan_compliance_score{namespace=\"\(ns)\"})",
                                   legendFormat: "{{region}}")]),
        ]
        var lagTargets: [Target] = []
        if regions.databaseReplication != nil {
            lagTargets.append(Target(refId: "A", expr: "max by (cluster) (cnpg_pg_replication_lag{namespace=\"\(ns)\"})",
                                     legendFormat: "postgres {{cluster}}"))
        }
        if regions.redisReplication != nil {
            lagTargets.append(Target(refId: lagTargets.isEmpty ? "A" : "B",
                                     expr: "max by (instance) (redis_connected_slave_lag_seconds{namespace=\"\(ns)\"})",
                                     legendFormat: "redis {{instance}}"))
        }
        if !lagTargets.isEmpty {
            let limit = sla.replicationLag.map { max($0.database.seconds, $0.redis.seconds) }
            panels.append(Panel(id: 3, title: "Replication lag", gridPos: GridPos(h: 8, w: 24, x: 0, y: 8),
                                fieldConfig: Self.fields(unit: "s", above: limit, good: "green", bad: "red"),
                                targets: lagTargets))
        }
        let dashboard = Dashboard(uid: "\(context.platform.name)-multi-region", title: "\(context.platform.name) multi-region",
                                  tags: [context.platform.name, "multi-region"], panels: panels)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let json = (try? encoder.encode(dashboard)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        var labels = context.labels(component: "dashboards", name: name)
        labels["grafana_dashboard"] = "1"
        object = KubernetesObject(apiVersion: "v1", kind: "ConfigMap", name: name,
                                  namespace: context.spec.observability?.namespace ?? context.namespace,
                                  labels: labels, body: ["data": [Self.fileName: .string(json + "\n")]])
    }

    /// Two threshold steps: `good` below `above`, `bad` from it (no threshold when the SLA has none).
    /// The `observability.dashboards` entry this dashboard answers: 09 draws it from the regions,
    /// so 05 does not emit a generic one of the same name.
    static let dashboardName = "multi-region"

    static func covers(_ dashboard: String, _ context: PlanContext) -> Bool {
        dashboard == dashboardName && context.spec.regions != nil
    }

    static func fields(unit: String, above: Double?, good: String, bad: String) -> FieldConfig {
        var steps = [Thresholds.Step(color: good, value: nil)]
        if let above { steps.append(Thresholds.Step(color: bad, value: above)) }
        return FieldConfig(defaults: .init(unit: unit, thresholds: Thresholds(steps: steps)))
    }
}
