import BizraSpec

/// `01-namespaces.yaml`: the platform's Namespaces (Pod Security `restricted`), the ResourceQuota
/// and LimitRange of the services' namespace, and the PriorityClasses.
public struct NamespacesPlanner: ManifestPlanner {
    public init() {}

    public var fileName: String { "01-namespaces.yaml" }

    public func objects(for context: PlanContext) -> [KubernetesObject] {
        let spec = context.spec
        var objects = CoreObjects.namespaces(of: spec).map { name in
            let namespace = namespace(named: name, context)
            let onlyChaos = name == spec.chaos?.namespace && name != spec.platform.namespace && name != spec.observability?.namespace
            return onlyChaos ? namespace.placed(in: context.chaosClusters) : namespace
        }
        if let quota = spec.platform.quota {
            objects.append(resourceQuota(quota, context))
        }
        if let limitRange = limitRange(context) {
            objects.append(limitRange)
        }
        objects += spec.platform.priorityClasses.map { priorityClass($0, context) }
        return objects
    }

    /// The Pod Security Standard every namespace enforces: `restricted`. Even the log collector
    /// meets it, as it reads logs through the Kubernetes API rather than the nodes' files.
    static let podSecurityLevel = "restricted"

    func namespace(named name: String, _ context: PlanContext) -> KubernetesObject {
        var labels = context.labels(component: "namespace", name: name)
        labels["kubernetes.io/metadata.name"] = name
        labels["pod-security.kubernetes.io/enforce"] = Self.podSecurityLevel
        labels["pod-security.kubernetes.io/audit"] = "restricted"
        labels["pod-security.kubernetes.io/warn"] = "restricted"
        return KubernetesObject(apiVersion: "v1", kind: "Namespace", name: name, namespace: nil,
                                labels: labels, annotations: [:], body: YAMLMap())
    }

    func resourceQuota(_ quota: Quota, _ context: PlanContext) -> KubernetesObject {
        let hard: YAMLMap = [
            "requests.cpu": .string(quota.requests.cpu.description),
            "requests.memory": .string(quota.requests.memory.description),
            "limits.cpu": .string(quota.limits.cpu.description),
            "limits.memory": .string(quota.limits.memory.description),
            "pods": .string(String(quota.pods)),
        ]
        return KubernetesObject(apiVersion: "v1", kind: "ResourceQuota", name: "\(context.platform.name)-quota",
                                namespace: context.namespace,
                                labels: context.labels(component: "quota", name: "\(context.platform.name)-quota"),
                                annotations: [:], body: ["spec": ["hard": .map(hard)]])
    }

    /// Container defaults for anything that omits requests or limits: the smallest request and
    /// the smallest limit any service declares (every request is at most its limit, so the
    /// smallest request is at most the smallest limit). None when the spec has no service.
    func limitRange(_ context: PlanContext) -> KubernetesObject? {
        let services = context.spec.services
        guard let first = services.first else { return nil }
        var request = first.resources.requests, limit = first.resources.limits
        for service in services.dropFirst() {
            request.cpu = min(request.cpu, service.resources.requests.cpu)
            request.memory = min(request.memory, service.resources.requests.memory)
            limit.cpu = min(limit.cpu, service.resources.limits.cpu)
            limit.memory = min(limit.memory, service.resources.limits.memory)
        }
        let name = "\(context.platform.name)-container-defaults"
        let item: YAMLValue = [
            "type": "Container",
            "default": ContainerHardening.amounts(limit),
            "defaultRequest": ContainerHardening.amounts(request),
        ]
        return KubernetesObject(apiVersion: "v1", kind: "LimitRange", name: name, namespace: context.namespace,
                                labels: context.labels(component: "limit-range", name: name),
                                annotations: [:], body: ["spec": ["limits": [item]]])
    }

    /// A PriorityClass of the spec. None is the cluster's `globalDefault`: that would reprioritise
    /// every other team's pods in the cluster too; the platform's default class is instead
    /// written into its services that name none (``ServiceDeployment``).
    func priorityClass(_ priorityClass: PriorityClass, _ context: PlanContext) -> KubernetesObject {
        var body: YAMLMap = ["value": .int(priorityClass.value), "globalDefault": false]
        body.set("description", priorityClass.description.map(YAMLValue.string))
        body.set("preemptionPolicy", "PreemptLowerPriority")
        return KubernetesObject(apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", name: priorityClass.name,
                                namespace: nil, labels: context.labels(component: "priority-class", name: priorityClass.name),
                                annotations: [:], body: body)
    }
}
