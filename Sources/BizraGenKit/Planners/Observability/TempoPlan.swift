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
        StoredComponent(
            name: ObservabilityStack.tempo, component: component, image: ObservabilityStack.Images.tempo,
            args: ["-config.file=/etc/tempo/tempo.yaml"],
            configFile: "tempo.yaml", config: config(tempo: tempo, prometheusURL: ObservabilityStack.prometheusURL(context.spec)), dataPath: dataPath,
            ports: [("http", ObservabilityStack.tempoHTTPPort), ("grpc", grpcPort),
                    ("otlp-grpc", otlpGRPCPort), ("otlp-http", otlpHTTPPort)],
            store: tempo
        ).objects(context, namespace: namespace)
    }

    /// `tempo.yaml`: OTLP in, local block storage kept for `retention`, the metrics generator on.
    static func config(tempo: Observability.Tempo, prometheusURL: String) -> YAMLValue {
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
                    "remote_write": [["url": .string("\(prometheusURL)/api/v1/write"),
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
