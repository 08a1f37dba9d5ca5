import BizraSpec

/// What the backup CronJobs share: the CronJob around a pod spec (one run at a time, a few
/// finished Jobs kept), kubectl as an image volume, and a namespaced Role bound to the job's
/// ServiceAccount.
enum BackupJob {
    /// Finished Jobs kept for inspection.
    static let historyLimit = 3

    static func cronJob(name: String, namespace: String, labels: [String: String], annotations: [String: String],
                        schedule: String, timeZone: String? = nil, backoffLimit: Int, podSpec: YAMLMap) -> KubernetesObject {
        var spec: YAMLMap = ["schedule": .string(schedule)]
        spec.set("timeZone", timeZone.map(YAMLValue.string))
        spec["concurrencyPolicy"] = "Forbid"
        spec["successfulJobsHistoryLimit"] = .int(historyLimit)
        spec["failedJobsHistoryLimit"] = .int(historyLimit)
        spec["jobTemplate"] = ["spec": [
            "backoffLimit": .int(backoffLimit),
            "template": [
                "metadata": ["labels": .map(YAMLMap(sortedKeys: labels))],
                "spec": .map(podSpec),
            ],
        ]]
        return KubernetesObject(
            apiVersion: "batch/v1", kind: "CronJob", name: name, namespace: namespace, labels: labels, annotations: annotations,
            body: ["spec": .map(spec)])
    }

    /// registry.k8s.io/kubectl at the release nearest the cluster's, as an image volume: the
    /// image is distroless (kubernetes/kubernetes build/server-image/kubectl/Dockerfile: FROM the
    /// static base image), so its binary is mounted into a shell's image (image volumes are beta
    /// and on by default since Kubernetes 1.35).
    static func kubectlVolume(_ context: PlanContext) -> YAMLValue {
        ["name": "kubectl", "image": [
            "reference": .string(KubernetesReleases.kubectlImage(for: context.platform.kubernetesVersion)),
            "pullPolicy": "IfNotPresent",
        ]]
    }

    /// A Role of `rules` and its binding to the ServiceAccount of the same name.
    static func role(name: String, namespace: String, labels: [String: String], rules: [YAMLValue]) -> [KubernetesObject] {
        [
            KubernetesObject(apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", name: name, namespace: namespace, labels: labels,
                             body: ["rules": .list(rules)]),
            KubernetesObject(apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", name: name, namespace: namespace, labels: labels,
                             body: [
                                 "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": .string(name)],
                                 "subjects": [["kind": "ServiceAccount", "name": .string(name), "namespace": .string(namespace)]],
                             ]),
        ]
    }
}
