import BizraSpec

/// A NetworkPolicy that opens egress for one of this manifest's pods (DNS always), so that the
/// namespace's default deny does not cut ExternalDNS or the DR backup off from the APIs they call.
struct EgressPolicy {
    /// HTTPS anywhere: cloud APIs (Route 53, S3).
    static let https: YAMLValue = ["ports": [["protocol": "TCP", "port": 443]]]
    /// The Kubernetes API server's usual secure port, when it is not 443.
    static let kubernetesAPI: YAMLValue = ["ports": [["protocol": "TCP", "port": 6443]]]
    /// The EKS Pod Identity Agent, which serves a pod's AWS credentials when no IRSA role is
    /// annotated (169.254.170.23:80, AWS EKS user guide, "Pod Identity agent").
    static let podIdentityAgent: YAMLValue = [
        "to": [["ipBlock": ["cidr": "169.254.170.23/32"]]],
        "ports": [["protocol": "TCP", "port": 80]],
    ]
    /// What a pod of `serviceAccount` needs to reach for its AWS credentials: nothing with an
    /// IRSA role (STS over HTTPS), else the Pod Identity agent.
    static func cloudCredentials(_ context: PlanContext, serviceAccount: String) -> [YAMLValue] {
        context.cloudIdentity(serviceAccount: serviceAccount).isEmpty ? [podIdentityAgent] : []
    }
    static let dns: YAMLValue = ["ports": [["protocol": "UDP", "port": 53], ["protocol": "TCP", "port": 53]]]

    /// Egress to pods with `labels` on `port` in the same namespace.
    static func pods(_ labels: [String: String], port: Int) -> YAMLValue {
        [
            "to": [["podSelector": ["matchLabels": .map(YAMLMap(sortedKeys: labels))]]],
            "ports": [["protocol": "TCP", "port": .int(port)]],
        ]
    }

    let object: KubernetesObject

    init(name: String, selector: [String: String], labels: [String: String], namespace: String, rules: [YAMLValue]) {
        object = KubernetesObject(
            apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", name: "\(name)-egress",
            namespace: namespace, labels: labels,
            body: ["spec": [
                "podSelector": ["matchLabels": .map(YAMLMap(sortedKeys: selector))],
                "policyTypes": ["Egress"],
                "egress": .list([Self.dns] + rules),
            ]]
        )
    }
}
