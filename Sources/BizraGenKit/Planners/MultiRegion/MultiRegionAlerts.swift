import BizraRules
import BizraSpec

/// The multi-region alerts, each where its series are:
/// - `<platform>-multi-region`, in the primary region's cluster, where the regions' series meet:
///   regional ihsan divergence (when the SLA has an ihsan score) and each region's share of requests against its weight. Every
///   cluster's monitors label their series with the cluster's region (``MonitoringPlanner``), and
///   the other clusters forward them there (``RegionMetricsForwarder``); without
///   `regions.monitoring.remoteWrite` the primary sees its own series only, so these alerts,
///   which could then never be right, are not written.
/// - `<platform>-replication`, in each replica region's cluster: the replica's lag (CloudNativePG's
///   `cnpg_pg_replication_lag`, measured on the replica) against the SLA and the replication's own
///   `lagAlert`.
///
/// Redis is region-local (nothing replicates it across regions), so it has no replication alert;
/// cross-region latency has no alert, since nothing in the output probes it.
struct MultiRegionAlerts {
    /// How far, in percentage points, a region's share of requests may stray from its weight.
    static let trafficTolerance = 10

    let objects: [KubernetesObject]

    init(regions: Regions, context: PlanContext) {
        let sla = context.spec.sla
        let ns = context.namespace
        let requests = "sum(rate(http_requests_total{namespace=\"\(ns)\"}[5m]))"
        var regional: [YAMLValue] = []
        if let ihsan = sla.ihsanScore, let gauge = SLAMetrics.ihsanScore(in: context.spec) {
            let score = SLAAlerts.ihsanScoreQuery(metric: gauge.name, namespace: ns, by: "region")
            let variance = NumberText.decimal(ihsan.maxRegionalVariance)
            regional.append(Self.alert("RegionalIhsanDivergence",
                                       expr: "max(\(score)) - min(\(score)) > \(variance)",
                                       for: "10m", severity: "warning",
                                       summary: "Ihsan scores diverge across regions",
                                       description: "The gap between the best and worst regional ihsan score exceeds \(variance)."))
        }
        for region in regions.list {
            let weight = PublicIngress.weight(region)
            let share = "100 * sum(rate(http_requests_total{namespace=\"\(ns)\",region=\"\(region.name)\"}[5m])) / \(requests)"
            regional.append(Self.alert("RegionTrafficImbalance",
                                       expr: "abs(\(share) - \(weight)) > \(Self.trafficTolerance)",
                                       for: "15m", severity: "warning",
                                       summary: "\(region.name) traffic share strays from its weight \(weight)%",
                                       description: "The share of requests served by \(region.name) differs from its DNS weight (\(weight)%) by more than \(Self.trafficTolerance) points.",
                                       labels: ["region": region.name]))
        }
        let name = "\(context.platform.name)-multi-region"
        var objects: [KubernetesObject] = []
        if !context.isMultiCluster || regions.monitoring.remoteWrite != nil {
            objects.append(KubernetesObject(apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", name: name,
                                            namespace: ns, labels: context.labels(component: "multi-region", name: name),
                                            body: ["spec": ["groups": [["name": "multi-region", "rules": .list(regional)]]]],
                                            placement: .only(context.primaryCluster)))
        }
        // Each replica region gets the alerts of the databases replicated to it; regions with the
        // same databases share one object.
        var rulesByRegion: [String: [YAMLValue]] = [:]
        var regionOrder: [String] = []
        for database in regions.replication.postgres where !database.replicas.isEmpty {
            // With one database, every lag series in the namespace is its; with more, its instances'
            // pods, and a `database` label tells its alerts from the others' (promtool refuses twins).
            let several = context.spec.databases.count > 1
            let pods = several ? ",pod=~\"\(database.source)-[0-9]+\"" : ""
            let labels = several ? ["database": database.source] : [:]
            let lag = "max by (cluster) (cnpg_pg_replication_lag{namespace=\"\(ns)\"\(pods)})"
            var replication: [YAMLValue] = []
            if let target = sla.replicationLag?.database {
                replication.append(Self.alert("DatabaseReplicationLagAboveSLA", expr: "\(lag) > \(NumberText.decimal(target.seconds))",
                                              for: "5m", severity: "warning",
                                              summary: "\(database.source) replication lag above \(target)",
                                              description: "The replica of \(database.source) in this region lags more than the SLA of \(target).",
                                              labels: labels))
            }
            replication.append(Self.alert("DatabaseReplicationLagHigh", expr: "\(lag) > \(NumberText.decimal(database.lagAlert.seconds))",
                                          for: "2m", severity: "critical",
                                          summary: "\(database.source) replication lag above \(database.lagAlert)",
                                          description: "The replica of \(database.source) in this region lags more than \(database.lagAlert).",
                                          labels: labels))
            for target in database.replicas {
                if rulesByRegion[target] == nil { regionOrder.append(target) }
                rulesByRegion[target, default: []] += replication
            }
        }
        var placed: Set<String> = []
        for region in regionOrder where !placed.contains(region) {
            let rules = rulesByRegion[region] ?? []
            let sharing = regionOrder.filter { rulesByRegion[$0] == rules }
            placed.formUnion(sharing)
            let name = "\(context.platform.name)-replication"
            objects.append(KubernetesObject(apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", name: name,
                                            namespace: ns, labels: context.labels(component: "multi-region", name: name),
                                            body: ["spec": ["groups": [["name": "replication", "rules": .list(rules)]]]],
                                            placement: .clusters(Set(sharing))))
        }
        self.objects = objects
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
