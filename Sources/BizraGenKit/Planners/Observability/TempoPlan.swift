import BizraSpec

/// Tempo: a StatefulSet storing traces on its volume for `retention`, generating service-graph
/// and span metrics that it remote-writes to Prometheus.
enum TempoPlan {
    static let component = "traces"
    static let grpcPort = 9095
    static let otlpGRPCPort = 4317
    static let otlpHTTPPort = 4318
    static let dataPath = "/var/tempo"

    static func objects(_ context: PlanContext, namespace: String, tempo: Observability.Tempo) -> [KubernetesObject] {
        let name = ObservabilityStack.tempo
        let headless = "\(name)-headless"
        let configName = "\(name)-config"
        let config = YAMLWriter.document(self.config(tempo: tempo))
        let container = StackContainer(
            name: name, image: ObservabilityStack.Images.tempo,
            args: ["-config.file=/etc/tempo/tempo.yaml"],
            ports: [("http", ObservabilityStack.tempoHTTPPort), ("grpc", grpcPort),
                    ("otlp-grpc", otlpGRPCPort), ("otlp-http", otlpHTTPPort)],
            resources: StackWorkload.resources(cpu: ("500m", "2"), memory: (.gibibytes(1), .gibibytes(4))),
            readiness: StackWorkload.httpProbe("/ready", port: "http", initialDelay: 15, period: 10),
            liveness: StackWorkload.httpProbe("/ready", port: "http", initialDelay: 60, period: 20),
            volumeMounts: [("config", "/etc/tempo", true), ("data", dataPath, false), ("tmp", "/tmp", false)])
        let template = StackWorkload.podTemplate(
            labels: StackWorkload.podLabels(context, component: component, name: name),
            annotations: ["checksum/config": SHA256.hex(config)],
            containers: [container],
            volumes: [StackWorkload.configMapVolume("config", configMap: configName), StackWorkload.emptyDir("tmp")])
        let ports: [(name: String, port: Int, target: String)] = [
            ("http", ObservabilityStack.tempoHTTPPort, "http"), ("grpc", grpcPort, "grpc"),
            ("otlp-grpc", otlpGRPCPort, "otlp-grpc"), ("otlp-http", otlpHTTPPort, "otlp-http"),
        ]
        return [
            StackWorkload.configMap(context, name: configName, namespace: namespace, component: component,
                                    data: ["tempo.yaml": config]),
            StackWorkload.statefulSet(context, name: name, namespace: namespace, component: component,
                                      serviceName: headless, replicas: tempo.replicas, template: template,
                                      claims: [StackWorkload.claimTemplate("data", size: tempo.storage)]),
            StackWorkload.service(context, name: name, namespace: namespace, component: component,
                                  selector: context.selector(name: name), ports: ports),
            StackWorkload.service(context, name: headless, namespace: namespace, component: component,
                                  selector: context.selector(name: name), ports: ports, headless: true),
        ]
    }

    /// `tempo.yaml`: OTLP in, local block storage kept for `retention`, the metrics generator on.
    static func config(tempo: Observability.Tempo) -> YAMLValue {
        [
            "server": ["http_listen_port": .int(ObservabilityStack.tempoHTTPPort), "grpc_listen_port": .int(grpcPort)],
            "distributor": ["receivers": ["otlp": ["protocols": [
                "grpc": ["endpoint": .string("0.0.0.0:\(otlpGRPCPort)")],
                "http": ["endpoint": .string("0.0.0.0:\(otlpHTTPPort)")],
            ]]]],
            "compactor": ["compaction": ["block_retention": .string(tempo.retention.goDescription)]],
            "metrics_generator": [
                "registry": ["external_labels": ["source": "tempo"]],
                "storage": [
                    "path": .string("\(dataPath)/generator/wal"),
                    "remote_write": [["url": .string("\(ObservabilityStack.prometheusURL)/api/v1/write"),
                                      "send_exemplars": true]],
                ],
            ],
            "storage": ["trace": [
                "backend": "local",
                "wal": ["path": .string("\(dataPath)/wal")],
                "local": ["path": .string("\(dataPath)/blocks")],
            ]],
            "overrides": ["defaults": ["metrics_generator": ["processors": ["service-graphs", "span-metrics"]]]],
        ]
    }
}
