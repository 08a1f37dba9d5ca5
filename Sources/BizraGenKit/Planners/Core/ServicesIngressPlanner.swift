import BizraSpec

/// `04-services-ingress.yaml`: a ClusterIP Service per service that listens (not for workers), the public Ingress of each
/// cluster with TLS for `platform.domain` (see ``PublicIngress``), and the NetworkPolicies
/// (default deny plus the allows derived from the model, see ``NetworkPolicyPlan``).
public struct ServicesIngressPlanner: ManifestPlanner {
    public init() {}

    public var fileName: String { "04-services-ingress.yaml" }

    public func objects(for context: PlanContext) -> [KubernetesObject] {
        var objects = context.spec.services.filter { !$0.isWorker }.map { service($0, context) }
        let backends = Self.routeBackends(context.spec)
        if !backends.isEmpty {
            objects += PublicIngress(context: context, backends: backends).objects
        }
        objects += NetworkPolicyPlan(context: context).objects()
        return objects
    }

    /// The Service and port behind each public route, in route order: Varnish's `http` port, or the
    /// service's port the route names, else its `http` port, else its first. Routes to nothing that
    /// listens are left out (REF001 and REF002 refuse them).
    static func routeBackends(_ spec: Spec) -> [(route: Route, service: String, port: String)] {
        spec.publicRoutes.compactMap { route in
            if let varnish = spec.caching?.varnish, varnish.name == route.service { return (route, varnish.name, route.port ?? "http") }
            guard let service = spec.service(named: route.service),
                  let port = route.port ?? (service.port(named: "http") ?? service.ports.first)?.name else { return nil }
            return (route, service.name, port)
        }
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
