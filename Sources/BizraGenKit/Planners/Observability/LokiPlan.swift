import BizraSpec

/// Loki: a StatefulSet with one volume per replica, its configuration (retention from the spec,
/// enforced by the compactor) and its Services.
enum LokiPlan {
    static let component = "logs"
    static let grpcPort = 9095
    static let memberlistPort = 7946
    static let dataPath = "/var/loki"

    static func objects(_ context: PlanContext, namespace: String, loki: Observability.Loki) -> [KubernetesObject] {
        let name = ObservabilityStack.loki
        let headless = "\(name)-headless"
        let configName = "\(name)-config"
        let config = YAMLWriter.document(self.config(namespace: namespace, loki: loki))
        let container = StackContainer(
            name: name, image: ObservabilityStack.Images.loki,
            args: ["-config.file=/etc/loki/loki.yaml", "-target=all"],
            ports: [("http", ObservabilityStack.lokiHTTPPort), ("grpc", grpcPort), ("memberlist", memberlistPort)],
            resources: StackWorkload.resources(cpu: ("500m", "2"), memory: (.gibibytes(1), .gibibytes(4))),
            readiness: StackWorkload.httpProbe("/ready", port: "http", initialDelay: 15, period: 10),
            liveness: StackWorkload.httpProbe("/ready", port: "http", initialDelay: 60, period: 20),
            volumeMounts: [("config", "/etc/loki", true), ("data", dataPath, false), ("tmp", "/tmp", false)])
        let template = StackWorkload.podTemplate(
            labels: StackWorkload.podLabels(context, component: component, name: name),
            annotations: ["checksum/config": SHA256.hex(config)],
            containers: [container],
            volumes: [StackWorkload.configMapVolume("config", configMap: configName), StackWorkload.emptyDir("tmp")])
        let ports: [(name: String, port: Int, target: String)] = [
            ("http", ObservabilityStack.lokiHTTPPort, "http"), ("grpc", grpcPort, "grpc"),
        ]
        return [
            StackWorkload.configMap(context, name: configName, namespace: namespace, component: component,
                                    data: ["loki.yaml": config]),
            StackWorkload.statefulSet(context, name: name, namespace: namespace, component: component,
                                      serviceName: headless, replicas: loki.replicas, template: template,
                                      claims: [StackWorkload.claimTemplate("data", size: loki.storage)]),
            StackWorkload.service(context, name: name, namespace: namespace, component: component,
                                  selector: context.selector(name: name), ports: ports),
            StackWorkload.service(context, name: headless, namespace: namespace, component: component,
                                  selector: context.selector(name: name),
                                  ports: ports + [("memberlist", memberlistPort, "memberlist")], headless: true),
        ]
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
