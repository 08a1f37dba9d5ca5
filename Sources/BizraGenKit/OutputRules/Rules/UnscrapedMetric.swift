import BizraRules
import BizraSpec
import Foundation

/// OUT005: an alert, dashboard or autoscaler query on a metric that nothing in the cluster exports and scrapes.
public struct UnscrapedMetric: OutputRule {
    public static let identifier = "OUT005"
    public static let severity = Severity.error
    public static let summary = "an alert, dashboard or autoscaler query on a metric that nothing in the cluster exports and scrapes"
    public static let explanation = """
        A query over a series that no scrape target of the cluster serves returns nothing: the alert \
        never fires, the panel stays empty, the autoscaler sees no load. A series is there when a \
        ServiceMonitor or PodMonitor of the same cluster selects the pods that export it (a service's \
        declared metrics, the Redis, Varnish and CloudNativePG exporters), when a recording rule of \
        the cluster makes it, or when it comes from what every cluster runs with the Prometheus \
        Operator (kube-state-metrics, cAdvisor, the node exporter, Prometheus itself).
        """
    public static let triggeringExamples = [
        OutputRuleExample("the service's ServiceMonitor left out of us-east-1") { platform in
            let service = platform.spec.services.first?.name ?? ""
            platform.editCluster("us-east-1") { cluster in
                cluster.objects.removeAll { $0.object.kind == "ServiceMonitor" && $0.object.name == service }
            }
        },
        OutputRuleExample("an alert on a metric nothing exports") { platform in
            platform.editCluster { cluster in
                cluster.edit({ $0.kind == "PrometheusRule" }) { rule in
                    rule.body["spec"] = ["groups": [["name": "broken", "rules": [["alert": "Never", "expr": "made_up_metric_total > 0"]]]]]
                }
            }
        },
    ]

    public init() {}

    public func check(_ platform: PlannedPlatform) -> [Finding] {
        let catalogue = MetricCatalogue(platform.spec)
        // The clusters share most queries: each is parsed once.
        var parsed: [String: [String]] = [:]
        func metrics(of query: String) -> [String] {
            if let names = parsed[query] { return names }
            let names = (try? PromQLExpression(parsing: query))?.metricNames ?? []
            parsed[query] = names
            return names
        }
        return platform.clusters.flatMap { cluster -> [Finding] in
            let scrapedPods = Self.scrapedPods(platform.index(cluster))
            let scrapedNames = Set(scrapedPods.compactMap { $0.labels["app.kubernetes.io/name"] })
            let scrapedOwners = Set(scrapedPods.map(\.owner.name))
            let scrapesDatabases = scrapedPods.contains { $0.labels[DatabaseCluster.clusterLabel] != nil }
            let recorded = Set(cluster.objects("PrometheusRule").flatMap { planned in
                Self.rules(of: planned.object).compactMap { $0["record"]?.stringValue }
            })
            let runsChaos = cluster.objects.contains { $0.object.isIn(group: "chaos-mesh.org") }
            func available(_ metric: String) -> String? {
                if recorded.contains(metric) { return nil }
                switch catalogue.resolve(metric) {
                case .declared(let declared):
                    return scrapedNames.contains(declared.serviceName) ? nil
                        : "\(metric) comes from \(declared.serviceName), which no monitor of this cluster scrapes"
                case .exporter(let exporter):
                    let served: Bool
                    switch exporter.prefix {
                    case "redis_": served = platform.spec.caching?.redis.map { scrapedOwners.contains($0.name) } ?? false
                    case "varnish_": served = platform.spec.caching?.varnish.map { scrapedOwners.contains($0.name) } ?? false
                    case "cnpg_", "pg_": served = scrapesDatabases
                    case "chaos_", "chaos_mesh_": served = runsChaos
                    default: served = true
                    }
                    return served ? nil : "\(metric) comes from \(exporter.name), which no monitor of this cluster scrapes"
                case .exporterNotDeployed(let exporter):
                    return "\(metric) comes from \(exporter.name), which this platform does not run"
                case .unknown:
                    return "\(metric) is exported by nothing this cluster runs"
                }
            }
            return cluster.objects.flatMap { planned -> [Finding] in
                Self.queries(of: planned.object).flatMap { query -> [Finding] in
                    metrics(of: query).compactMap(available).map {
                        finding("queries \($0)", about: planned, in: cluster, platform: platform)
                    }
                }
            }
        }
    }

    /// The pods some ServiceMonitor or PodMonitor of the cluster scrapes.
    static func scrapedPods(_ index: ClusterIndex) -> [PlannedPod] {
        (index.objects("PodMonitor") + index.objects("ServiceMonitor")).flatMap { planned -> [PlannedPod] in
            let monitor = planned.object
            let selector = LabelSelector(monitor.value("spec.selector"))
            switch monitor.kind {
            case "PodMonitor": return index.pods(selector, in: DanglingReference.monitoredNamespaces(monitor))
            case "ServiceMonitor":
                return index.services(selector, in: DanglingReference.monitoredNamespaces(monitor)).flatMap(index.pods(behind:))
            default: return []
            }
        }
    }

    static func rules(of object: KubernetesObject) -> [YAMLValue] {
        (object.value("spec.groups")?.listValue ?? []).flatMap { $0["rules"]?.listValue ?? [] }
    }

    /// The PromQL an object runs: alerting and recording rules, KEDA's Prometheus triggers, dashboard panels.
    static func queries(of object: KubernetesObject) -> [String] {
        switch object.kind {
        case "PrometheusRule":
            return rules(of: object).compactMap { $0["expr"]?.stringValue }
        case "ScaledObject":
            return (object.value("spec.triggers")?.listValue ?? []).filter { $0["type"]?.stringValue == "prometheus" }
                .compactMap { $0["metadata"]?["query"]?.stringValue }
        case "ConfigMap" where object.labels["grafana_dashboard"] != nil:
            return (object.body["data"]?.mapValue?.entries ?? []).flatMap { entry -> [String] in
                guard let text = entry.value.stringValue, let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return [] }
                return expressions(in: json)
            }
        default:
            return []
        }
    }

    static func expressions(in json: Any) -> [String] {
        if let map = json as? [String: Any] {
            let own = (map["expr"] as? String).map { [$0] } ?? []
            return own + map.keys.sorted().flatMap { expressions(in: map[$0]!) }
        }
        if let list = json as? [Any] { return list.flatMap(expressions(in:)) }
        return []
    }
}
