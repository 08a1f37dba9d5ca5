import BizraSpec

/// The PrometheusRule `<platform>-multi-region`: regional ihsan divergence, each region's share of
/// requests against its weight, replication lag against the SLA and the replication's own
/// `lagAlert`, and cross-region latency above the SLA.
struct MultiRegionAlerts {
    /// How far, in percentage points, a region's share of requests may stray from its weight.
    static let trafficTolerance = 10
    /// The blackbox probe job that measures latency between regions.
    static let crossRegionProbeJob = "cross-region-probe"

    let object: KubernetesObject

    init(regions: Regions, context: PlanContext) {
        let sla = context.spec.sla
        let ns = context.namespace
        let score = "avg by (region) (ahsan_compliance_score{namespace=\"\(ns)\"})"
        let requests = "sum(rate(http_requests_total{namespace=\"\(ns)\"}[5m]))"
        var regional: [YAMLValue] = [
            Self.alert("RegionalIhsanDivergence",
                       expr: "max(\(score)) - min(\(score)) > \(NumberText.decimal(sla.ihsanScore.maxRegionalVariance))",
                       for: "10m", severity: "warning",
                       summary: "Ihsan scores diverge across regions",
                       description: "The gap between the best and worst regional ihsan score exceeds \(NumberText.decimal(sla.ihsanScore.maxRegionalVariance))."),
        ]
        for region in regions.list {
            let weight = RegionalRouting.weight(region)
            let share = "100 * sum(rate(http_requests_total{namespace=\"\(ns)\",region=\"\(region.name)\"}[5m])) / \(requests)"
            regional.append(Self.alert("RegionTrafficImbalance",
                                       expr: "abs(\(share) - \(weight)) > \(Self.trafficTolerance)",
                                       for: "15m", severity: "warning",
                                       summary: "\(region.name) traffic share strays from its weight \(weight)%",
                                       description: "The share of requests served by \(region.name) differs from its DNS weight (\(weight)%) by more than \(Self.trafficTolerance) points.",
                                       labels: ["region": region.name]))
        }
        if let latency = sla.crossRegionLatency {
            regional.append(Self.alert("CrossRegionLatencyHigh",
                                       expr: "max by (source_region, target_region) (avg_over_time(probe_duration_seconds{job=\"\(Self.crossRegionProbeJob)\"}[5m])) > \(NumberText.decimal(latency.seconds))",
                                       for: "5m", severity: "warning",
                                       summary: "Cross-region latency above \(latency)",
                                       description: "Latency between regions exceeds the SLA of \(latency)."))
        }
        var replication: [YAMLValue] = []
        if let database = regions.databaseReplication {
            let lag = "max by (cluster) (cnpg_pg_replication_lag{namespace=\"\(ns)\"})"
            if let target = sla.replicationLag?.database {
                replication.append(Self.alert("DatabaseReplicationLagAboveSLA", expr: "\(lag) > \(NumberText.decimal(target.seconds))",
                                              for: "5m", severity: "warning",
                                              summary: "\(database.source) replication lag above \(target)",
                                              description: "A replica of \(database.source) lags more than the SLA of \(target)."))
            }
            replication.append(Self.alert("DatabaseReplicationLagHigh", expr: "\(lag) > \(NumberText.decimal(database.lagAlert.seconds))",
                                          for: "2m", severity: "critical",
                                          summary: "\(database.source) replication lag above \(database.lagAlert)",
                                          description: "A replica of \(database.source) lags more than \(database.lagAlert)."))
        }
        if let redis = regions.redisReplication {
            let lag = "max by (instance) (redis_connected_slave_lag_seconds{namespace=\"\(ns)\"})"
            if let target = sla.replicationLag?.redis {
                replication.append(Self.alert("RedisReplicationLagAboveSLA", expr: "\(lag) > \(NumberText.decimal(target.seconds))",
                                              for: "5m", severity: "warning",
                                              summary: "\(redis.source) replication lag above \(target)",
                                              description: "A secondary of \(redis.source) lags more than the SLA of \(target)."))
            }
            replication.append(Self.alert("RedisReplicationLagHigh", expr: "\(lag) > \(NumberText.decimal(redis.lagAlert.seconds))",
                                          for: "2m", severity: "critical",
                                          summary: "\(redis.source) replication lag above \(redis.lagAlert)",
                                          description: "A secondary of \(redis.source) lags more than \(redis.lagAlert)."))
        }
        var groups: [YAMLValue] = [["name": "multi-region", "rules": .list(regional)]]
        if !replication.isEmpty { groups.append(["name": "replication", "rules": .list(replication)]) }
        let name = "\(context.platform.name)-multi-region"
        object = KubernetesObject(apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", name: name,
                                  namespace: ns, labels: context.labels(component: "multi-region", name: name),
                                  body: ["spec": ["groups": .list(groups)]])
    }

    static func alert(_ name: String, expr: String, for duration: String, severity: String, summary: String,
                      description: String, labels: [String: String] = [:]) -> YAMLValue {
        var all = labels
        all["severity"] = severity
        return [
            "alert": .string(name),
            "expr": .string(expr),
            "for": .string(duration),
            "labels": .map(YAMLMap(sortedKeys: all)),
            "annotations": ["summary": .string(summary), "description": .string(description)],
        ]
    }
}
