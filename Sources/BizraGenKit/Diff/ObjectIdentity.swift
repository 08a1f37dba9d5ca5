/// Who a Kubernetes object is, independent of where and how it is written: the cluster it goes to
/// (the `clusters/<region>/` folder holding it), the API group of its `apiVersion` (not the
/// version: moving `autoscaling/v2beta2` to `autoscaling/v2` is a change of the object, not a new
/// one), its kind, namespace and name.
///
/// A document without `kind` or `metadata.name` (a kustomization) has no identity of its own; it
/// is identified by its file and position instead (`document`).
public struct ObjectIdentity: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// `apps`, `monitoring.coreos.com`; empty for the core group (`v1`).
    public var group: String
    public var kind: String
    /// Empty for cluster-scoped objects.
    public var namespace: String
    public var name: String
    /// For documents without a name: `file#index`; empty otherwise.
    public var document: String
    /// The region whose cluster the object goes to; empty for files outside `clusters/` (gitops/).
    public var cluster: String

    public init(group: String, kind: String, namespace: String = "", name: String, document: String = "", cluster: String = "") {
        self.cluster = cluster
        self.group = group
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.document = document
    }

    /// The group part of an `apiVersion`: `apps/v1` is `apps`, `v1` is the core group.
    public static func group(ofAPIVersion apiVersion: String) -> String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// The identity of a parsed document: by kind and metadata, or by `file` and `index` when it has no name.
    public init(of value: YAMLValue, file: String, index: Int) {
        let apiVersion = value["apiVersion"]?.stringValue ?? ""
        let kind = value["kind"]?.stringValue ?? ""
        let name = value["metadata"]?["name"]?.stringValue ?? ""
        let namespace = value["metadata"]?["namespace"]?.stringValue ?? ""
        self.init(group: Self.group(ofAPIVersion: apiVersion), kind: kind, namespace: namespace, name: name,
                  document: kind.isEmpty || name.isEmpty ? "\(file)#\(index)" : "", cluster: Self.cluster(ofFile: file))
    }

    /// The cluster of a file of an output tree: `us-east-1` for `clusters/us-east-1/k8s/03-workloads.yaml`.
    public static func cluster(ofFile path: String) -> String {
        let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "clusters" else { return "" }
        return String(parts[1])
    }

    /// `Deployment.apps bizra-production/bizra-node0`, kubectl's `kind.group namespace/name`.
    public var description: String {
        let type = group.isEmpty ? (kind.isEmpty ? "document" : kind) : "\(kind.isEmpty ? "document" : kind).\(group)"
        if !document.isEmpty { return "\(type) (\(document))" }
        let object = namespace.isEmpty ? "\(type) \(name)" : "\(type) \(namespace)/\(name)"
        return cluster.isEmpty ? object : "\(object) in cluster \(cluster)"
    }

    public static func < (lhs: ObjectIdentity, rhs: ObjectIdentity) -> Bool {
        (lhs.cluster, lhs.document, lhs.kind, lhs.group, lhs.namespace, lhs.name)
            < (rhs.cluster, rhs.document, rhs.kind, rhs.group, rhs.namespace, rhs.name)
    }
}
