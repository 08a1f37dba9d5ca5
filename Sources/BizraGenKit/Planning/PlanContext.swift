import BizraSpec

/// What every planner reads: the checked spec, the templates, and the naming and labelling conventions.
public struct PlanContext: Sendable {
    public let spec: Spec
    public let templates: TemplateSet

    public init(spec: Spec, templates: TemplateSet = .embedded) {
        self.spec = spec
        self.templates = templates
    }

    public var platform: Platform { spec.platform }
    /// The namespace the services run in.
    public var namespace: String { spec.platform.namespace }

    /// Labels every object carries: the platform's own, plus the recommended Kubernetes labels.
    public func labels(component: String, name: String? = nil) -> [String: String] {
        var labels = spec.platform.labels
        labels["app.kubernetes.io/managed-by"] = "bizra-gen"
        labels["app.kubernetes.io/part-of"] = labels["app.kubernetes.io/part-of"] ?? spec.platform.name
        labels["app.kubernetes.io/component"] = component
        labels["app.kubernetes.io/name"] = name ?? component
        labels["bizra.ai/environment"] = spec.platform.environment
        return labels
    }

    /// The selector labels of a workload: stable across spec changes, a subset of `labels`.
    public func selector(name: String) -> [String: String] {
        ["app.kubernetes.io/name": name, "app.kubernetes.io/part-of": labels(component: name)["app.kubernetes.io/part-of"]!]
    }
}
