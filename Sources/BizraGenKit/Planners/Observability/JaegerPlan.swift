import BizraSpec

/// The `Jaeger` custom resource: the production strategy (collector and query scaled to
/// `tracing.jaeger.replicas`), collectors receiving OTLP on the spec's gRPC and HTTP ports.
enum JaegerPlan {
    static let component = "tracing"

    static func objects(_ context: PlanContext, namespace: String, jaeger: Observability.Jaeger) -> [KubernetesObject] {
        let resources = StackWorkload.resources(cpu: ("250m", "1"), memory: (.mebibytes(256), .gibibytes(1)))
        let spec: YAMLMap = [
            // The operator turns a production Jaeger with `memory` storage into all-in-one: production
            // needs a shared store, Elasticsearch being the operator's default one.
            "strategy": "production",
            "storage": ["type": "elasticsearch"],
            "securityContext": ContainerHardening.podSecurityContext,
            "containerSecurityContext": ContainerHardening.containerSecurityContext,
            "resources": ContainerHardening.resources(resources),
            // 14269: the admin port of every Jaeger component, serving `/` as its health check.
            "livenessProbe": ContainerHardening.httpProbe(path: "/", port: 14269, initialDelay: .seconds(5),
                                                          period: .seconds(15)),
            "collector": [
                "replicas": .int(jaeger.replicas),
                "image": .string(ObservabilityStack.Images.jaegerCollector),
                "options": [
                    "collector": [
                        "otlp": [
                            "enabled": true,
                            "grpc": ["host-port": .string(":\(jaeger.otlpGRPC)")],
                            "http": ["host-port": .string(":\(jaeger.otlpHTTP)")],
                        ],
                    ],
                ],
            ],
            "query": [
                "replicas": .int(jaeger.replicas),
                "image": .string(ObservabilityStack.Images.jaegerQuery),
            ],
        ]
        return [KubernetesObject(apiVersion: "jaegertracing.io/v1", kind: "Jaeger", name: ObservabilityStack.jaeger,
                                 namespace: namespace,
                                 labels: context.labels(component: component, name: ObservabilityStack.jaeger),
                                 body: ["spec": .map(spec)])]
    }
}
