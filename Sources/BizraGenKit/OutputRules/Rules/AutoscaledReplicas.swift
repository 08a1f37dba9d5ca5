import BizraSpec

/// OUT007: an autoscaled workload that also sets `replicas`.
public struct AutoscaledReplicas: OutputRule {
    public static let identifier = "OUT007"
    public static let severity = Severity.error
    public static let summary = "an autoscaled workload that also sets `replicas` (every apply resets its autoscaler)"
    public static let explanation = """
        When a HorizontalPodAutoscaler or a KEDA ScaledObject owns a workload's scale, a `replicas` \
        field in the applied manifest takes the count back to that number on every apply (and every \
        GitOps sync), then the autoscaler scales again: capacity drops in the middle of load. The \
        manifest of an autoscaled workload leaves `replicas` out (Kubernetes docs, "Migrating \
        Deployments and StatefulSets to horizontal autoscaling").
        """
    public static let triggeringExamples = [
        OutputRuleExample("the KEDA-scaled Deployment given replicas: 3") { platform in
            platform.editCluster { cluster in
                let targets = AutoscaledReplicas.scaleTargets(cluster)
                cluster.edit({ targets.contains(AutoscaledReplicas.key($0)) }) { $0.body["spec"] = $0.body["spec"].map { spec in
                    var map = spec.mapValue ?? [:]
                    map["replicas"] = 3
                    return .map(map)
                } }
            }
        },
    ]

    public init() {}

    static func key(_ object: KubernetesObject) -> String { "\(object.kind)/\(object.namespace ?? "")/\(object.name)" }

    /// The workloads an HPA or ScaledObject of the cluster scales.
    static func scaleTargets(_ cluster: PlannedCluster) -> Set<String> {
        Set(cluster.objects.compactMap { planned -> String? in
            let object = planned.object
            guard object.kind == "HorizontalPodAutoscaler" || object.kind == "ScaledObject",
                  let target = object.value("spec.scaleTargetRef"), let name = target["name"]?.stringValue else { return nil }
            return "\(target["kind"]?.stringValue ?? "Deployment")/\(object.namespace ?? "")/\(name)"
        })
    }

    public func check(_ platform: PlannedPlatform) -> [Finding] {
        platform.clusters.flatMap { cluster -> [Finding] in
            let targets = Self.scaleTargets(cluster)
            return cluster.objects.filter { targets.contains(Self.key($0.object)) && $0.object.value("spec.replicas") != nil }
                .map { finding("sets spec.replicas, but an autoscaler owns its scale", about: $0, in: cluster, platform: platform) }
        }
    }
}
