import BizraSpec

/// Where the regions' series meet: with `regions.monitoring.remoteWrite`, every cluster but the
/// primary region's runs an OpenTelemetry Collector `region-metrics` that federates its own
/// Prometheus (the Prometheus Operator's `prometheus-operated`; only series with a `region` label,
/// which every monitor bizra-gen writes adds) and remote-writes them to the primary region's
/// monitoring, so that the cross-region alerts and the dashboard there see every region.
/// (The collector's `prometheus` receiver and `prometheusremotewrite` exporter: opentelemetry-
/// collector-contrib `receiver/prometheusreceiver`, `exporter/prometheusremotewriteexporter`.)
enum RegionMetricsForwarder {
    static let name = "region-metrics"
    static let component = "metrics-forwarder"
    static let federationInterval = "30s"

    static func objects(regions: Regions, context: PlanContext) -> [KubernetesObject] {
        guard let remoteWrite = regions.monitoring.remoteWrite else { return [] }
        let namespace = context.spec.observability?.namespace ?? context.namespace
        return context.clusters.filter { $0 != context.primaryCluster }.flatMap { cluster -> [KubernetesObject] in
            var objects = [collector(remoteWrite: remoteWrite, namespace: namespace, context: context).placed(in: cluster)]
            if namespace == context.namespace {
                // The platform's namespace denies by default: the forwarder reaches Prometheus and the endpoint.
                let conventions = context.spec.platform.cluster.prometheus
                let prometheus: YAMLValue = [
                    "to": [["namespaceSelector": ["matchLabels": ["kubernetes.io/metadata.name": .string(conventions.namespace)]]]],
                    "ports": [["protocol": "TCP", "port": .int(ObservabilityStack.port(of: conventions.url))]],
                ]
                objects.append(EgressPolicy(name: name, selector: ["app.kubernetes.io/name": "\(name)-collector"],
                                            labels: context.labels(component: component, name: name), namespace: namespace,
                                            rules: [prometheus, EgressPolicy.https]).object.placed(in: cluster))
            }
            return objects
        }
    }

    static func collector(remoteWrite: String, namespace: String, context: PlanContext) -> KubernetesObject {
        let prometheus = ObservabilityStack.prometheusURL(context.spec).replacingOccurrences(of: "http://", with: "")
        let config: YAMLValue = [
            "receivers": ["prometheus": ["config": ["scrape_configs": [[
                "job_name": "federate",
                "scrape_interval": .string(federationInterval),
                "honor_labels": true,
                "metrics_path": "/federate",
                "params": ["match[]": ["{region!=\"\"}"]],
                "static_configs": [["targets": [.string(prometheus)]]],
            ]]]]],
            "processors": [
                "memory_limiter": ["check_interval": "1s", "limit_percentage": 80, "spike_limit_percentage": 20],
                "batch": [:] as YAMLValue,
            ],
            "exporters": ["prometheusremotewrite": ["endpoint": .string(remoteWrite)]],
            "extensions": ["health_check": ["endpoint": .string("0.0.0.0:\(CollectorPlan.healthPort)")]],
            "service": [
                "extensions": ["health_check"],
                "pipelines": ["metrics": [
                    "receivers": ["prometheus"], "processors": ["memory_limiter", "batch"], "exporters": ["prometheusremotewrite"],
                ]],
            ],
        ]
        let spec: YAMLMap = [
            "mode": "deployment",
            "replicas": 1,
            "image": .string(ObservabilityStack.Images.collector),
            "podSecurityContext": ContainerHardening.podSecurityContext,
            "securityContext": ContainerHardening.containerSecurityContext,
            "resources": ContainerHardening.resources(StackWorkload.resources(cpu: ("100m", "500m"), memory: (.mebibytes(256), .mebibytes(512)))),
            "config": config,
        ]
        return KubernetesObject(apiVersion: "opentelemetry.io/v1beta1", kind: "OpenTelemetryCollector", name: name,
                                namespace: namespace, labels: context.labels(component: component, name: name),
                                body: ["spec": .map(spec)])
    }
}
