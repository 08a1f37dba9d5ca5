/// A Kubernetes object as planned: identity, labels and annotations, and the rest of its
/// fields in the order the planner chose.
public struct KubernetesObject: Equatable, Sendable {
    /// `group/version`, or just the version for the core group.
    public var apiVersion: String
    /// The object's kind, such as `Deployment`.
    public var kind: String
    /// `metadata.name`.
    public var name: String
    /// `metadata.namespace`; `nil` for cluster-scoped objects.
    public var namespace: String?
    /// `metadata.labels`, written in sorted key order.
    public var labels: [String: String]
    /// `metadata.annotations`, written in sorted key order.
    public var annotations: [String: String]
    /// Everything after `metadata` (`spec`, `data`, `rules` ...), in order.
    /// Entries named `apiVersion`, `kind` or `metadata` replace the generated ones.
    public var body: YAMLMap
    /// The clusters the object is written to; not part of the object's YAML.
    public var placement: Placement

    /// An object with the given identity and fields.
    public init(
        apiVersion: String,
        kind: String,
        name: String,
        namespace: String? = nil,
        labels: [String: String] = [:],
        annotations: [String: String] = [:],
        body: YAMLMap = [:],
        placement: Placement = .everyCluster
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
        self.body = body
        self.placement = placement
    }

    /// The object as YAML: `apiVersion`, `kind`, `metadata` (`name`, `namespace`, sorted
    /// `labels` and `annotations`, empty ones omitted), then the body's entries.
    public var yaml: YAMLValue {
        var metadata: YAMLMap = ["name": .string(name)]
        metadata.set("namespace", namespace.map(YAMLValue.string))
        if !labels.isEmpty { metadata["labels"] = .map(YAMLMap(sortedKeys: labels)) }
        if !annotations.isEmpty { metadata["annotations"] = .map(YAMLMap(sortedKeys: annotations)) }
        var object: YAMLMap = [
            "apiVersion": .string(apiVersion),
            "kind": .string(kind),
            "metadata": .map(metadata),
        ]
        for (key, value) in body.entries {
            object[key] = value
        }
        return .map(object)
    }

    /// The API group: the part of `apiVersion` before the `/`, or `""` for the core group.
    public var group: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }
}
