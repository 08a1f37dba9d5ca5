import BizraSpec

/// `05-monitoring.yaml`: a ServiceMonitor per service with a `metrics` port, the PrometheusRule
/// `<platform>-sla` derived from the SLA (see ``SLAAlerts``), the PrometheusRule `<platform>-alerts`
/// with the spec's own alerts, and one Grafana dashboard ConfigMap per `observability.dashboards` entry.
public struct MonitoringPlanner: ManifestPlanner {
    /// The scrape interval of the services' metrics.
    public static let scrapeInterval = "15s"
    /// The port name a service exports metrics on.
    public static let metricsPortName = "metrics"

    public init() {}

    public var fileName: String { "05-monitoring.yaml" }

    public func objects(for context: PlanContext) -> [KubernetesObject] {
        let monitors = context.spec.services.compactMap { serviceMonitor($0, context) } + exporterMonitors(context)
            + stackMonitors(context)
        var objects = monitors.flatMap { Self.labelled($0, in: context.clusters, context) }
        for database in context.spec.databases {
            objects += Self.labelled(DatabaseCluster.podMonitor(database, context),
                                     in: DatabaseCluster.clusters(of: database, context), context)
        }
        let slaAlerts = SLAAlerts.derive(from: context.spec)
        if !slaAlerts.isEmpty {
            objects.append(prometheusRule(name: "\(context.platform.name)-sla", rules: slaAlerts.map(Self.rule), context))
        }
        if let alerts = context.spec.observability?.alerts, !alerts.isEmpty {
            objects.append(prometheusRule(name: "\(context.platform.name)-alerts", rules: alerts.map(Self.rule), context))
        }
        for name in context.spec.observability?.dashboards ?? [] where !MultiRegionDashboard.covers(name, context) {
            objects.append(dashboardConfigMap(name, context))
        }
        return objects
    }

    func serviceMonitor(_ service: Service, _ context: PlanContext) -> KubernetesObject? {
        guard service.port(named: Self.metricsPortName) != nil else { return nil }
        return monitor(named: service.name, component: CoreObjects.serviceComponent, context)
    }

    /// The monitors of the caches' exporters (Redis, Varnish), whose alerts and dashboards query
    /// `redis_*` and `varnish_*`: their Services' `metrics` ports.
    func exporterMonitors(_ context: PlanContext) -> [KubernetesObject] {
        var names: [String] = []
        if let redis = context.spec.caching?.redis, redis.exporter { names.append(redis.name) }
        if let varnish = context.spec.caching?.varnish { names.append(varnish.name) }
        return names.map { monitor(named: $0, component: "cache-exporter", context) }
    }

    /// The monitors of the log and trace stores (Loki, Tempo serve `/metrics` on their HTTP
    /// port), so that what watches the platform is watched too.
    func stackMonitors(_ context: PlanContext) -> [KubernetesObject] {
        guard let observability = context.spec.observability else { return [] }
        var names: [String] = []
        if observability.logs != nil { names.append(ObservabilityStack.loki) }
        if observability.tracing?.tempo != nil { names.append(ObservabilityStack.tempo) }
        return names.map { monitor(named: $0, component: "observability", namespace: observability.namespace, port: "http", context) }
    }

    func monitor(named name: String, component: String, namespace: String? = nil, port: String = metricsPortName,
                 _ context: PlanContext) -> KubernetesObject {
        let namespace = namespace ?? context.namespace
        let spec: YAMLValue = [
            "selector": ["matchLabels": CoreObjects.matchLabels(context, name: name)],
            "namespaceSelector": ["matchNames": [.string(namespace)]],
            "endpoints": [["port": .string(port), "path": "/metrics", "interval": .string(Self.scrapeInterval)]],
        ]
        return KubernetesObject(apiVersion: "monitoring.coreos.com/v1", kind: "ServiceMonitor", name: name,
                                namespace: namespace, labels: context.labels(component: component, name: name),
                                annotations: [:], body: ["spec": spec])
    }

    /// The monitor as each of `clusters` has it (the one monitor as it is, with one cluster).
    static func labelled(_ monitor: KubernetesObject, in clusters: [String], _ context: PlanContext) -> [KubernetesObject] {
        context.isMultiCluster ? clusters.map { labelled(monitor, region: $0) } : [monitor]
    }

    /// The monitor of one region's cluster: every series it scrapes carries `region`, so that the
    /// cross-region alerts and dashboard can tell the regions apart where their series meet.
    static func labelled(_ monitor: KubernetesObject, region: String) -> KubernetesObject {
        var monitor = monitor.placed(in: region)
        let key = monitor.kind == "PodMonitor" ? "podMetricsEndpoints" : "endpoints"
        guard case var .map(spec) = monitor.body["spec"], case var .list(endpoints) = spec[key] else { return monitor }
        endpoints = endpoints.map { endpoint in
            guard case var .map(fields) = endpoint else { return endpoint }
            fields["relabelings"] = [["action": "replace", "targetLabel": "region", "replacement": .string(region)]]
            return .map(fields)
        }
        spec[key] = .list(endpoints)
        monitor.body["spec"] = .map(spec)
        monitor.labels[PublicIngress.regionLabel] = region
        return monitor
    }

    func prometheusRule(name: String, rules: [YAMLValue], _ context: PlanContext) -> KubernetesObject {
        KubernetesObject(apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", name: name,
                         namespace: context.namespace, labels: context.labels(component: "alerts", name: name),
                         annotations: [:], body: ["spec": ["groups": [["name": .string(name), "rules": .list(rules)]]]])
    }

    static func rule(_ alert: SLAAlert) -> YAMLValue {
        [
            "alert": .string(alert.name),
            "expr": .string(alert.expr),
            "for": .string(alert.forDuration.description),
            "labels": ["severity": .string(alert.severity.rawValue), "sla": .string(alert.slaPath)],
            "annotations": ["summary": .string(alert.summary), "description": .string(alert.description)],
        ]
    }

    /// A spec alert: its expression exactly as written, without the trailing line break.
    static func rule(_ alert: Alert) -> YAMLValue {
        var expr = alert.expr
        while expr.last == "\n" { expr.removeLast() }
        return [
            "alert": .string(alert.name),
            "expr": .string(expr),
            "for": .string(alert.for.description),
            "labels": ["severity": .string(alert.severity.rawValue)],
            "annotations": ["summary": .string("\(alert.name) (observability.alerts)")],
        ]
    }

    /// The dashboard `name` as a ConfigMap the Grafana sidecar loads (`grafana_dashboard: "1"`).
    func dashboardConfigMap(_ name: String, _ context: PlanContext) -> KubernetesObject {
        let dashboard = GrafanaDashboard.sla(name: name, spec: context.spec)
        var labels = context.labels(component: "dashboard", name: name)
        labels["grafana_dashboard"] = "1"
        return KubernetesObject(apiVersion: "v1", kind: "ConfigMap", name: "grafana-dashboard-\(name)",
                                namespace: context.spec.observability?.namespace ?? context.namespace,
                                labels: labels, annotations: [:],
                                body: ["data": .map(YAMLMap([(key: "\(name).json", value: .string(dashboard.json.text))]))])
    }
}
