import BizraSpec

/// `04-services-ingress.yaml`: a ClusterIP Service per service, the public Ingress with TLS for
/// `platform.domain`, its cert-manager Certificate, and the NetworkPolicies (default deny plus
/// the allows derived from the model, see ``NetworkPolicyPlan``).
public struct ServicesIngressPlanner: ManifestPlanner {
    /// The IngressClass of the public Ingress.
    public static let ingressClassName = "nginx"
    /// The cert-manager ClusterIssuer that signs the public certificate.
    public static let clusterIssuer = "letsencrypt-production"

    public init() {}

    public var fileName: String { "04-services-ingress.yaml" }

    public func objects(for context: PlanContext) -> [KubernetesObject] {
        var objects = context.spec.services.map { service($0, context) }
        if let entry = Self.entryPoint(context.spec) {
            objects.append(ingress(entry, context))
            objects.append(certificate(context))
        }
        objects += NetworkPolicyPlan(context: context).objects()
        return objects
    }

    /// The name of the Secret holding the public certificate.
    public static func tlsSecretName(_ context: PlanContext) -> String { "\(context.platform.name)-tls" }

    /// Where the public Ingress sends `/`: the Varnish Service's `http` port when Varnish exists,
    /// else the first service's `http` port (or its first port).
    static func entryPoint(_ spec: Spec) -> (service: String, port: String)? {
        if let varnish = spec.caching?.varnish { return (varnish.name, "http") }
        guard let first = spec.services.first, let port = first.port(named: "http") ?? first.ports.first else { return nil }
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

    func ingress(_ entry: (service: String, port: String), _ context: PlanContext) -> KubernetesObject {
        let domain = YAMLValue.string(context.platform.domain)
        let path: YAMLValue = [
            "path": "/",
            "pathType": "Prefix",
            "backend": ["service": ["name": .string(entry.service), "port": ["name": .string(entry.port)]]],
        ]
        let spec: YAMLValue = [
            "ingressClassName": .string(Self.ingressClassName),
            "tls": [["hosts": [domain], "secretName": .string(Self.tlsSecretName(context))]],
            "rules": [["host": domain, "http": ["paths": [path]]]],
        ]
        return KubernetesObject(apiVersion: "networking.k8s.io/v1", kind: "Ingress", name: context.platform.name,
                                namespace: context.namespace, labels: context.labels(component: "ingress", name: context.platform.name),
                                annotations: [:], body: ["spec": spec])
    }

    func certificate(_ context: PlanContext) -> KubernetesObject {
        let spec: YAMLValue = [
            "secretName": .string(Self.tlsSecretName(context)),
            "dnsNames": [.string(context.platform.domain)],
            "issuerRef": ["name": .string(Self.clusterIssuer), "kind": "ClusterIssuer", "group": "cert-manager.io"],
        ]
        return KubernetesObject(apiVersion: "cert-manager.io/v1", kind: "Certificate", name: context.platform.name,
                                namespace: context.namespace, labels: context.labels(component: "ingress", name: context.platform.name),
                                annotations: [:], body: ["spec": spec])
    }
}
