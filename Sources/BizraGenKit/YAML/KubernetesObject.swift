/// A Kubernetes object as planned: identity, labels and annotations, and the rest of its
/// fields in the order the planner chose.
///
/// A value with its fields in one shared box, copied on write: passing an object around (the
/// rules do for every object of every cluster) retains one reference, not each field.
public struct KubernetesObject: Equatable, Sendable {
    /// The fields; shared between copies until one of them changes (then it gets its own).
    private final class Storage: @unchecked Sendable {
        var apiVersion: String
        var kind: String
        var name: String
        var namespace: String?
        var labels: [String: String]
        var annotations: [String: String]
        var body: YAMLMap
        var placement: Placement

        init(apiVersion: String, kind: String, name: String, namespace: String?, labels: [String: String], annotations: [String: String], body: YAMLMap, placement: Placement) {
            self.apiVersion = apiVersion
            self.kind = kind
            self.name = name
            self.namespace = namespace
            self.labels = labels
            self.annotations = annotations
            self.body = body
            self.placement = placement
        }

        func copy() -> Storage { Storage(apiVersion: apiVersion, kind: kind, name: name, namespace: namespace, labels: labels, annotations: annotations, body: body, placement: placement) }
    }

    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// `group/version`, or just the version for the core group.
    public var apiVersion: String {
        get { storage.apiVersion }
        _modify { let storage = unique(); yield &storage.apiVersion }
    }
    /// The object's kind, such as `Deployment`.
    public var kind: String {
        get { storage.kind }
        _modify { let storage = unique(); yield &storage.kind }
    }
    /// `metadata.name`.
    public var name: String {
        get { storage.name }
        _modify { let storage = unique(); yield &storage.name }
    }
    /// `metadata.namespace`; `nil` for cluster-scoped objects.
    public var namespace: String? {
        get { storage.namespace }
        _modify { let storage = unique(); yield &storage.namespace }
    }
    /// `metadata.labels`, written in sorted key order.
    public var labels: [String: String] {
        get { storage.labels }
        _modify { let storage = unique(); yield &storage.labels }
    }
    /// `metadata.annotations`, written in sorted key order.
    public var annotations: [String: String] {
        get { storage.annotations }
        _modify { let storage = unique(); yield &storage.annotations }
    }
    /// Everything after `metadata` (`spec`, `data`, `rules` ...), in order.
    /// Entries named `apiVersion`, `kind` or `metadata` replace the generated ones.
    public var body: YAMLMap {
        get { storage.body }
        _modify { let storage = unique(); yield &storage.body }
    }
    /// The clusters the object is written to; not part of the object's YAML.
    public var placement: Placement {
        get { storage.placement }
        _modify { let storage = unique(); yield &storage.placement }
    }

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
        storage = Storage(apiVersion: apiVersion, kind: kind, name: name, namespace: namespace, labels: labels, annotations: annotations, body: body, placement: placement)
    }

    public static func == (lhs: KubernetesObject, rhs: KubernetesObject) -> Bool {
        lhs.storage === rhs.storage || (lhs.apiVersion == rhs.apiVersion && lhs.kind == rhs.kind && lhs.name == rhs.name && lhs.namespace == rhs.namespace && lhs.labels == rhs.labels && lhs.annotations == rhs.annotations && lhs.body == rhs.body && lhs.placement == rhs.placement)
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
        guard let slash = apiVersion.utf8.firstIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(apiVersion[..<slash])
    }

    /// Whether the object's API group is `group`, without making a string of it.
    public func isIn(group: String) -> Bool {
        apiVersion.utf8.count > group.utf8.count && apiVersion.hasPrefix(group)
            && apiVersion.utf8[apiVersion.utf8.index(apiVersion.utf8.startIndex, offsetBy: group.utf8.count)] == UInt8(ascii: "/")
    }
}
