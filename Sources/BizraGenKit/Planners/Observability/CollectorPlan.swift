import BizraSpec

/// The `OpenTelemetryCollector` custom resource and its pipeline configuration, built as a typed value.
enum CollectorPlan {
    static let component = "telemetry-collector"
    /// The collector's health_check extension port, probed by the operator's probes.
    static let healthPort = 13133

    static func objects(_ context: PlanContext, observability: Observability,
                        collector: Observability.Collector) -> [KubernetesObject] {
        // memory_limiter holds the collector at memoryLimit; the container limit leaves a quarter on top
        // for the Go runtime, so the limiter acts before the kernel kills the pod.
        let limit = collector.memoryLimit
        let resources = StackWorkload.resources(cpu: ("200m", "1"),
                                                memory: (limit, ByteSize(bytes: limit.bytes + limit.bytes / 4)))
        let spec: YAMLMap = [
            "mode": "deployment",
            "replicas": .int(collector.replicas),
            "image": .string(ObservabilityStack.Images.collector),
            "podSecurityContext": ContainerHardening.podSecurityContext,
            "securityContext": ContainerHardening.containerSecurityContext,
            "resources": ContainerHardening.resources(resources),
            "readinessProbe": ["initialDelaySeconds": 5, "periodSeconds": 10, "timeoutSeconds": 2, "failureThreshold": 3],
            "livenessProbe": ["initialDelaySeconds": 15, "periodSeconds": 20, "timeoutSeconds": 2, "failureThreshold": 3],
            "ports": [["name": "prometheus", "port": .int(ObservabilityStack.collectorPrometheusPort), "protocol": "TCP"]],
            "config": config(context, observability: observability, collector: collector),
        ]
        return [KubernetesObject(apiVersion: "opentelemetry.io/v1beta1", kind: "OpenTelemetryCollector",
                                 name: ObservabilityStack.collector, namespace: observability.namespace,
                                 labels: context.labels(component: component, name: ObservabilityStack.collector),
                                 body: ["spec": .map(spec)])]
    }

    /// The collector's configuration: OTLP in, memory_limiter → sampler → resource → batch, the spec's exporters out.
    static func config(_ context: PlanContext, observability: Observability,
                       collector: Observability.Collector) -> YAMLValue {
        let namespace = observability.namespace
        var exporters = YAMLMap()
        var traceExporters: [String] = [], metricExporters: [String] = [], logExporters: [String] = []
        for name in collector.exporters {
            switch name {
            case "jaeger":
                exporters["otlp/jaeger"] = [
                    "endpoint": .string("\(ObservabilityStack.host(ObservabilityStack.jaegerCollectorService, namespace)):\(observability.tracing?.jaeger.otlp.grpc ?? 4317)"),
                    "tls": ["insecure": true],
                ]
                traceExporters.append("otlp/jaeger")
            case "tempo":
                exporters["otlp/tempo"] = [
                    "endpoint": .string("\(ObservabilityStack.host(ObservabilityStack.tempo, namespace)):\(TempoPlan.otlpGRPCPort)"),
                    "tls": ["insecure": true],
                ]
                traceExporters.append("otlp/tempo")
            case "prometheus":
                exporters["prometheus"] = [
                    "endpoint": .string("0.0.0.0:\(ObservabilityStack.collectorPrometheusPort)"),
                    "resource_to_telemetry_conversion": ["enabled": true],
                ]
                metricExporters.append("prometheus")
            case "loki":
                exporters["otlphttp/loki"] = [
                    "endpoint": .string("http://\(ObservabilityStack.host(ObservabilityStack.loki, namespace)):\(ObservabilityStack.lokiHTTPPort)/otlp"),
                ]
                logExporters.append("otlphttp/loki")
            case "logging":
                exporters["debug"] = ["verbosity": "basic"]
                traceExporters.append("debug")
                metricExporters.append("debug")
                logExporters.append("debug")
            default:
                continue // unknown exporters are refused by the spec checks
            }
        }

        var processors: YAMLMap = [
            "memory_limiter": [
                "check_interval": "1s",
                "limit_mib": .int(StackWorkload.mebibytes(collector.memoryLimit)),
                "spike_limit_mib": .int(StackWorkload.mebibytes(collector.memoryLimit) / 4),
            ],
            "batch": ["send_batch_size": .int(collector.batchSize), "timeout": "5s"],
            "resource": ["attributes": .list(resourceAttributes(context).map { key, value in
                ["key": .string(key), "value": value, "action": "upsert"]
            })],
        ]
        var traceProcessors = ["memory_limiter"]
        if let sampling = observability.tracing?.sampling {
            processors["probabilistic_sampler"] = ["sampling_percentage": StackWorkload.number(sampling.value)]
            traceProcessors.append("probabilistic_sampler")
        }
        traceProcessors += ["resource", "batch"]
        let otherProcessors = ["memory_limiter", "resource", "batch"]

        var pipelines = YAMLMap()
        func pipeline(_ name: String, _ processors: [String], _ exporters: [String]) {
            guard !exporters.isEmpty else { return }
            pipelines[name] = [
                "receivers": ["otlp"],
                "processors": .list(processors.map(YAMLValue.string)),
                "exporters": .list(exporters.map(YAMLValue.string)),
            ]
        }
        pipeline("traces", traceProcessors, traceExporters)
        pipeline("metrics", otherProcessors, metricExporters)
        if logExporters.contains(where: { $0 != "debug" }) { pipeline("logs", otherProcessors, logExporters) }

        let grpc = observability.tracing?.jaeger.otlp.grpc ?? 4317
        let http = observability.tracing?.jaeger.otlp.http ?? 4318
        return [
            "receivers": [
                "otlp": ["protocols": [
                    "grpc": ["endpoint": .string("0.0.0.0:\(grpc)")],
                    "http": ["endpoint": .string("0.0.0.0:\(http)")],
                ]],
            ],
            "processors": .map(processors),
            "exporters": .map(exporters),
            "extensions": ["health_check": ["endpoint": .string("0.0.0.0:\(healthPort)")]],
            "service": [
                "extensions": ["health_check"],
                "pipelines": .map(pipelines),
            ],
        ]
    }

    /// Attributes every span and metric gets, named after the platform: the platform, its
    /// environment and, when the SLA has one, the ihsan target.
    static func resourceAttributes(_ context: PlanContext) -> [(String, YAMLValue)] {
        let platform = context.platform
        var attributes: [(String, YAMLValue)] = [
            ("\(platform.name).platform", .string(platform.name)),
            ("\(platform.name).environment", .string(platform.environment)),
        ]
        if let ihsan = context.spec.sla.ihsanScore {
            attributes.append(("ihsan.min_score", StackWorkload.number(ihsan.min)))
        }
        return attributes
    }
}
