import BizraSpec

/// Jaeger v2, the supported successor of Jaeger v1 (end of life 2025-12-31, jaegertracing/jaeger#6321):
/// the Jaeger binary is an OpenTelemetry Collector, run by the OpenTelemetry Operator as an
/// `OpenTelemetryCollector` named `jaeger` (its Service `jaeger-collector`, as the v1 operator's was),
/// receiving OTLP on the spec's gRPC and HTTP ports and serving the Jaeger UI on 16686. Configured as
/// in the operator's own Jaeger v2 test (opentelemetry-operator `tests/e2e/extension`) and jaeger
/// `cmd/jaeger/config.yaml`: the `jaeger_storage` and `jaeger_query` extensions over one store.
///
/// The store is Jaeger's in-memory one, which a second replica would not share (each would hold
/// and show only its own traces), so one instance runs whatever `tracing.jaeger.replicas` says;
/// traces are kept for the long term by Tempo.
enum JaegerPlan {
    static let component = "tracing"
    /// The Jaeger UI's port.
    static let queryPort = 16686
    /// The health check extension's port.
    static let healthPort = 13133
    /// Traces the in-memory store keeps before dropping the oldest.
    static let maxTraces = 100_000

    static func objects(_ context: PlanContext, namespace: String, jaeger: Observability.Jaeger) -> [KubernetesObject] {
        let resources = StackWorkload.resources(cpu: ("250m", "1"), memory: (.mebibytes(512), .gibibytes(1)))
        let store = "memstore"
        let config: YAMLValue = [
            "receivers": ["otlp": ["protocols": [
                "grpc": ["endpoint": .string("0.0.0.0:\(jaeger.otlp.grpc)")],
                "http": ["endpoint": .string("0.0.0.0:\(jaeger.otlp.http)")],
            ]]],
            "processors": ["batch": [:] as YAMLValue],
            "exporters": ["jaeger_storage_exporter": ["trace_storage": .string(store)]],
            "extensions": [
                "healthcheckv2": ["use_v2": true, "http": ["endpoint": .string("0.0.0.0:\(healthPort)")]],
                "jaeger_storage": ["backends": ["memstore": ["memory": ["max_traces": .int(maxTraces)]]]],
                "jaeger_query": ["storage": ["traces": .string(store)],
                                 "http": ["endpoint": .string("0.0.0.0:\(queryPort)")]],
            ],
            "service": [
                "extensions": ["healthcheckv2", "jaeger_storage", "jaeger_query"],
                "pipelines": ["traces": ["receivers": ["otlp"], "processors": ["batch"], "exporters": ["jaeger_storage_exporter"]]],
            ],
        ]
        let spec: YAMLMap = [
            "mode": "deployment",
            "replicas": 1,
            "image": .string(ObservabilityStack.Images.jaeger),
            "podSecurityContext": ContainerHardening.podSecurityContext,
            "securityContext": ContainerHardening.containerSecurityContext,
            "resources": ContainerHardening.resources(resources),
            "readinessProbe": ["initialDelaySeconds": 5, "periodSeconds": 10, "timeoutSeconds": 2, "failureThreshold": 3],
            "livenessProbe": ["initialDelaySeconds": 15, "periodSeconds": 20, "timeoutSeconds": 2, "failureThreshold": 3],
            "ports": [["name": "jaeger-query", "port": .int(queryPort), "protocol": "TCP"]],
            "config": config,
        ]
        return [KubernetesObject(apiVersion: "opentelemetry.io/v1beta1", kind: "OpenTelemetryCollector",
                                 name: ObservabilityStack.jaeger, namespace: namespace,
                                 labels: context.labels(component: component, name: ObservabilityStack.jaeger),
                                 body: ["spec": .map(spec)])]
    }
}
