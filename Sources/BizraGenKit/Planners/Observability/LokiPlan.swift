import BizraSpec

/// Loki: a StatefulSet with one volume per replica, its configuration (retention from the spec,
/// enforced by the compactor) and its Services.
enum LokiPlan {
    static let component = "logs"
    static let grpcPort = 9095
    static let memberlistPort = 7946
    static let dataPath = "/var/loki"

    static func objects(_ context: PlanContext, namespace: String, loki: Observability.Loki) -> [KubernetesObject] {
        StoredComponent(
            name: ObservabilityStack.loki, component: component, image: ObservabilityStack.Images.loki,
            args: ["-config.file=/etc/loki/loki.yaml", "-target=all"],
            configFile: "loki.yaml", config: config(namespace: namespace, loki: loki), dataPath: dataPath,
            ports: [("http", ObservabilityStack.lokiHTTPPort), ("grpc", grpcPort)],
            peerPorts: [("memberlist", memberlistPort)], store: loki
        ).objects(context, namespace: namespace)
    }

    /// `loki.yaml`: single-binary mode, replicas joined by memberlist, TSDB on the volume,
    /// logs deleted after `retention` by the compactor.
    static func config(namespace: String, loki: Observability.Loki) -> YAMLValue {
        [
            "auth_enabled": false,
            "server": ["http_listen_port": .int(ObservabilityStack.lokiHTTPPort), "grpc_listen_port": .int(grpcPort)],
            "common": [
                "path_prefix": .string(dataPath),
                "replication_factor": 1,
                "ring": ["kvstore": ["store": "memberlist"]],
                "storage": ["filesystem": [
                    "chunks_directory": .string("\(dataPath)/chunks"),
                    "rules_directory": .string("\(dataPath)/rules"),
                ]],
            ],
            "memberlist": ["join_members": [
                .string("\(ObservabilityStack.host("\(ObservabilityStack.loki)-headless", namespace)):\(memberlistPort)"),
            ]],
            "schema_config": ["configs": [[
                "from": "2024-01-01",
                "store": "tsdb",
                "object_store": "filesystem",
                "schema": "v13",
                "index": ["prefix": "index_", "period": "24h"],
            ]]],
            "limits_config": ["retention_period": .string(loki.retention.goDescription)],
            "compactor": [
                "working_directory": .string("\(dataPath)/compactor"),
                "retention_enabled": true,
                "delete_request_store": "filesystem",
            ],
        ]
    }
}
