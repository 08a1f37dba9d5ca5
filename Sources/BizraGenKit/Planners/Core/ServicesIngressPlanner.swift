import BizraSpec

/// `04-services-ingress.yaml`: a ClusterIP Service per service that listens (not for workers), the public Ingress of each
/// cluster with TLS for `platform.domain` (see ``PublicIngress``), and the NetworkPolicies
/// (default deny plus the allows derived from the model, see ``NetworkPolicyPlan``).
public struct ServicesIngressPlanner: ManifestPlanner {
    public init() {}

    public var fileName: String { "04-services-ingress.yaml" }

    public func objects(for context: PlanContext) -> [KubernetesObject] {
        var objects = context.spec.services.filter { !$0.isWorker }.map { service($0, context) }
        if let entry = Self.entryPoint(context.spec) {
            objects += PublicIngress(context: context, entry: entry).objects
        }
        objects += NetworkPolicyPlan(context: context).objects()
        return objects
    }

    /// Where the public Ingress sends `/`: the Varnish Service's `http` port when Varnish exists,
    /// else the first service's `http` port (or its first port).
    static func entryPoint(_ spec: Spec) -> (service: String, port: String)? {
        if let varnish = spec.caching?.varnish { return (varnish.name, "http") }
        guard let first = spec.services.first(where: { !$0.isWorker }), let port = first.port(named: "http") ?? first.ports.first else { return nil }
        return (first.name, port.name)
    }

    func service(_ service: Service, _ context: PlanContext) -> KubernetesObject {
        let ports: [YAMLValue] = service.ports.map {
            ["name": .string($0.name), "port": .int($0.port), "targetPort": .string($0.name), "protocol": "TCP"]
        }
        return KubernetesObject(apiVersion: "v1", kind: "Service", name: service.name, namespace: context.namespace,
                                labels: context.labels(component: CoreObjects.serviceComponent, name: service.name),
                                annotations: [:],
                                body: ["spec": [
                                    "type": "ClusterIP",
                                    "selector": CoreObjects.matchLabels(context, name: service.name),
                                    "ports": .list(ports),
                                ]])
    }
}
