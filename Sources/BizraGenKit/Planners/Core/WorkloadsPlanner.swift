import BizraSpec

/// `03-workloads.yaml`: per service a ServiceAccount, a Deployment, the claims of its volumes,
/// a PodDisruptionBudget and (for `engine: hpa` only) a HorizontalPodAutoscaler; per database
/// a CloudNativePG Cluster.
public struct WorkloadsPlanner: ManifestPlanner {
    public init() {}

    public var fileName: String { "03-workloads.yaml" }

    public func objects(for context: PlanContext) -> [KubernetesObject] {
        var objects: [KubernetesObject] = []
        for service in context.spec.services {
            objects.append(serviceAccount(service, context))
            objects.append(ServiceDeployment.deployment(service, context))
            objects += service.volumes.map { ServiceDeployment.persistentVolumeClaim(service, $0, context) }
            if let disruption = service.disruption {
                objects.append(podDisruptionBudget(service, disruption, context))
            }
            if let autoscaling = service.autoscaling, autoscaling.engine == .hpa {
                objects.append(horizontalPodAutoscaler(service, autoscaling, context))
            }
        }
        objects += context.spec.databases.map { DatabaseCluster.cluster($0, context) }
        return objects
    }

    func serviceAccount(_ service: Service, _ context: PlanContext) -> KubernetesObject {
        KubernetesObject(apiVersion: "v1", kind: "ServiceAccount", name: service.name, namespace: context.namespace,
                         labels: context.labels(component: CoreObjects.serviceComponent, name: service.name),
                         annotations: service.serviceAccount?.annotations ?? [:], body: ["automountServiceAccountToken": false])
    }

    func podDisruptionBudget(_ service: Service, _ disruption: Disruption, _ context: PlanContext) -> KubernetesObject {
        KubernetesObject(apiVersion: "policy/v1", kind: "PodDisruptionBudget", name: service.name,
                         namespace: context.namespace,
                         labels: context.labels(component: CoreObjects.serviceComponent, name: service.name),
                         annotations: [:],
                         body: ["spec": [
                             "minAvailable": .int(disruption.minAvailable),
                             "selector": ["matchLabels": CoreObjects.matchLabels(context, name: service.name)],
                         ]])
    }

    /// An autoscaling/v2 HPA on the cpu and memory triggers, scaling down no faster than the cooldown.
    func horizontalPodAutoscaler(_ service: Service, _ autoscaling: Autoscaling, _ context: PlanContext) -> KubernetesObject {
        let metrics: [YAMLValue] = autoscaling.triggers.compactMap { trigger in
            switch trigger.kind {
            case let .cpu(target): Self.utilization("cpu", target)
            case let .memory(target): Self.utilization("memory", target)
            case .prometheus, .redis: nil
            }
        }
        let spec: YAMLValue = [
            "scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": .string(service.name)],
            "minReplicas": .int(autoscaling.min),
            "maxReplicas": .int(autoscaling.max),
            "metrics": .list(metrics),
            "behavior": ["scaleDown": ["stabilizationWindowSeconds": .int(CoreObjects.seconds(autoscaling.cooldown))]],
        ]
        return KubernetesObject(apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", name: service.name,
                                namespace: context.namespace,
                                labels: context.labels(component: CoreObjects.serviceComponent, name: service.name),
                                annotations: [:], body: ["spec": spec])
    }

    static func utilization(_ resource: String, _ target: Percent) -> YAMLValue {
        [
            "type": "Resource",
            "resource": [
                "name": .string(resource),
                "target": ["type": "Utilization", "averageUtilization": .int(target.wholeValue ?? Int(target.value.rounded()))],
            ],
        ]
    }
}
