import BizraSpec

/// Manifest 06: tracing (Jaeger, Tempo), the OpenTelemetry Collector, and logs (Loki, and Grafana Alloy collecting them),
/// all in `observability.namespace`; each part only when the spec describes it.
public struct AdvancedObservabilityPlanner: ManifestPlanner {
    public let fileName = "06-advanced-observability.yaml"

    public init() {}

    public func objects(for context: PlanContext) -> [KubernetesObject] {
        guard let observability = context.spec.observability else { return [] }
        let namespace = observability.namespace
        var objects: [KubernetesObject] = []
        if let tracing = observability.tracing {
            objects += JaegerPlan.objects(context, namespace: namespace, jaeger: tracing.jaeger)
            objects += TempoPlan.objects(context, namespace: namespace, tempo: tracing.tempo)
        }
        if let collector = observability.collector {
            objects += CollectorPlan.objects(context, observability: observability, collector: collector)
        }
        if let logs = observability.logs {
            objects += LokiPlan.objects(context, namespace: namespace, loki: logs.loki)
            objects += AlloyLogsPlan.objects(context, namespace: namespace, logs: logs.promtail)
        }
        return objects
    }
}
