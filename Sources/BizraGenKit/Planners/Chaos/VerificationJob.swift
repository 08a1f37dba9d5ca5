import BizraSpec

/// The post-chaos verification Job (the workflow's verification script, run on its own) and its
/// ServiceAccount, which needs no Kubernetes API access: its token is not mounted.
struct VerificationJob {
    /// Retries of the check before the Job fails.
    static let backoffLimit = 2
    /// How long a finished Job stays for inspection.
    static let ttlSecondsAfterFinished = 86_400

    let objects: [KubernetesObject]

    init(workflow: Chaos.Workflow, chaos: Chaos, verification: ChaosVerification, context: PlanContext) {
        let name = "\(workflow.name)-verify"
        let labels = context.labels(component: "chaos-verification", name: name)
        let serviceAccount = KubernetesObject(apiVersion: "v1", kind: "ServiceAccount", name: name,
                                              namespace: chaos.namespace, labels: labels,
                                              body: ["automountServiceAccountToken": false])
        let podSpec: YAMLMap = [
            "serviceAccountName": .string(name),
            "automountServiceAccountToken": false,
            "restartPolicy": "Never",
            "securityContext": ContainerHardening.podSecurityContext,
            "containers": [verification.container],
        ]
        let job = KubernetesObject(apiVersion: "batch/v1", kind: "Job", name: name, namespace: chaos.namespace,
                                   labels: labels, annotations: CheckovSkip.annotations([CheckovSkip.pinnedByTag]),
                                   body: ["spec": [
                                       "suspend": .bool(chaos.paused),
                                       "backoffLimit": .int(Self.backoffLimit),
                                       "ttlSecondsAfterFinished": .int(Self.ttlSecondsAfterFinished),
                                       "template": [
                                           "metadata": ["labels": .map(YAMLMap(sortedKeys: labels))],
                                           "spec": .map(podSpec),
                                       ],
                                   ]])
        // Nothing calls the Job; it only reaches DNS and the Prometheus API.
        let policy = KubernetesObject(
            apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", name: name, namespace: chaos.namespace,
            labels: labels,
            body: ["spec": [
                "podSelector": ["matchLabels": .map(YAMLMap(sortedKeys: context.selector(name: name)))],
                "policyTypes": ["Ingress", "Egress"],
                "egress": [
                    ["ports": [["protocol": "UDP", "port": 53], ["protocol": "TCP", "port": 53]]],
                    ["to": [["namespaceSelector": [:]]], "ports": [["protocol": "TCP", "port": .int(verification.prometheusPort)]]],
                ],
            ]]
        )
        objects = [serviceAccount, job, policy]
    }
}
