import BizraSpec

/// ExternalDNS of one region's cluster, in the services' namespace: publishes that cluster's public
/// Ingress (the region's weighted record, an alias to its load balancer) and the Services that
/// carry a host name annotation (the primary database's endpoint for the other regions).
///
/// Each cluster owns exactly its own records: its own `--txt-owner-id` (`<platform>-<environment>-
/// <region>`), so no two ExternalDNS ever manage one record, and weighted records of one name are
/// told apart by their set identifier. `--txt-prefix` keeps the registry's TXT records off the
/// names of the CNAME/alias records (external-dns docs/faq.md, "CNAME record clashes with the TXT
/// record").
struct ExternalDNS {
    static let name = "external-dns"
    static let image = "registry.k8s.io/external-dns/external-dns:v0.22.0"
    /// The prefix of the registry's TXT records; `%{record_type}` keeps one TXT per record type.
    static let txtPrefix = "%{record_type}-"
    static let port = 7979
    static let resources = Resources(
        requests: ResourceAmounts(cpu: CPU(millicores: 50), memory: .mebibytes(64)),
        limits: ResourceAmounts(cpu: CPU(millicores: 200), memory: .mebibytes(128))
    )

    /// ExternalDNS's provider name for the spec's `dns.provider` (Route 53 is `aws`).
    static func provider(_ dnsProvider: String) -> String {
        switch dnsProvider.lowercased() {
        case "route53", "aws": "aws"
        case "clouddns", "google": "google"
        case "azure-dns", "azure": "azure"
        default: dnsProvider
        }
    }

    /// Whether the provider is Route 53, whose weights and set identifiers the annotations use.
    static func isRoute53(_ dnsProvider: String) -> Bool { provider(dnsProvider) == "aws" }

    let objects: [KubernetesObject]

    init(regions: Regions, region: Regions.Region, context: PlanContext) {
        let namespace = context.namespace
        let labels = context.labels(component: "external-dns", name: Self.name)
        let selector = context.selector(name: Self.name)
        let provider = Self.provider(regions.dns.provider)
        var args: [YAMLValue] = [
            "--source=ingress",
            "--source=service",
            .string("--namespace=\(namespace)"),
            .string("--provider=\(provider)"),
            .string("--domain-filter=\(regions.dns.zone)"),
            "--registry=txt",
            .string("--txt-owner-id=\(context.platform.name)-\(context.platform.environment)-\(region.name)"),
            .string("--txt-prefix=\(Self.txtPrefix)"),
            "--policy=upsert-only",
        ]
        if provider == "aws" { args.append("--aws-zone-type=public") }
        let probe = ContainerHardening.httpProbe(path: "/healthz", port: "http", initialDelay: .seconds(5), period: .seconds(10))
        let container: YAMLValue = [
            "name": .string(Self.name),
            "image": .string(Self.image),
            "imagePullPolicy": "Always",
            "args": .list(args),
            "env": [.map(["name": "AWS_DEFAULT_REGION", "value": .string(region.name)])],
            "ports": [["name": "http", "containerPort": .int(Self.port), "protocol": "TCP"]],
            "resources": ContainerHardening.resources(Self.resources),
            "readinessProbe": probe,
            "livenessProbe": probe,
            "securityContext": ContainerHardening.containerSecurityContext,
        ]
        let deployment = KubernetesObject(
            apiVersion: "apps/v1", kind: "Deployment", name: Self.name, namespace: namespace, labels: labels,
            annotations: CheckovSkip.annotations([
                CheckovSkip.pinnedByTag,
                CheckovSkip("CKV_K8S_38", "ExternalDNS watches Ingresses and Services through the API"),
            ]),
            body: ["spec": [
                "replicas": 1,
                // Two instances would race each other on the same records.
                "strategy": ["type": "Recreate"],
                "selector": ["matchLabels": .map(YAMLMap(sortedKeys: selector))],
                "template": [
                    "metadata": ["labels": .map(YAMLMap(sortedKeys: labels))],
                    "spec": [
                        "serviceAccountName": .string(Self.name),
                        "securityContext": ContainerHardening.podSecurityContext,
                        "containers": [container],
                    ],
                ],
            ]]
        )
        let clusterRole = KubernetesObject(
            apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole",
            name: "\(context.platform.name)-\(Self.name)", labels: labels,
            body: ["rules": [
                ["apiGroups": [""], "resources": ["services", "endpoints", "pods"], "verbs": ["get", "watch", "list"]],
                ["apiGroups": [""], "resources": ["nodes"], "verbs": ["list", "watch"]],
                ["apiGroups": ["networking.k8s.io"], "resources": ["ingresses"], "verbs": ["get", "watch", "list"]],
                ["apiGroups": ["discovery.k8s.io"], "resources": ["endpointslices"], "verbs": ["get", "watch", "list"]],
            ]]
        )
        let binding = KubernetesObject(
            apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding",
            name: "\(context.platform.name)-\(Self.name)", labels: labels,
            body: [
                "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                            "name": .string(clusterRole.name)],
                "subjects": [["kind": "ServiceAccount", "name": .string(Self.name), "namespace": .string(namespace)]],
            ]
        )
        let serviceAccount = KubernetesObject(apiVersion: "v1", kind: "ServiceAccount", name: Self.name,
                                              namespace: namespace, labels: labels,
                                              annotations: context.cloudIdentity(serviceAccount: Self.name))
        let egress = EgressPolicy(name: Self.name, selector: selector, labels: labels, namespace: namespace,
                                  rules: [EgressPolicy.https, EgressPolicy.kubernetesAPI]
                                      + EgressPolicy.cloudCredentials(context, serviceAccount: Self.name))
        objects = [serviceAccount, clusterRole, binding, deployment, egress.object].map { $0.placed(in: region.name) }
    }
}
