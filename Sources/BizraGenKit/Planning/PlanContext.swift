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

    /// The name of the one cluster of a spec without `regions`.
    public static let singleClusterName = "default"

    /// The environment's clusters, one per region of `regions.list` in spec order (a spec without
    /// regions has one cluster, ``singleClusterName``).
    public var clusters: [String] {
        guard let regions = spec.regions, !regions.list.isEmpty else { return [Self.singleClusterName] }
        return regions.list.map(\.name)
    }

    /// The cluster of the primary region, where the primary databases and the DR backup run.
    public var primaryCluster: String { spec.regions?.primary ?? Self.singleClusterName }

    /// The clusters that run the chaos experiments: `chaos.regions`, else the canary regions, else
    /// the primary region (a standby is never the default: a failover must find it intact).
    public var chaosClusters: [String] {
        guard let regions = spec.regions, !regions.list.isEmpty else { return [Self.singleClusterName] }
        if let chosen = spec.chaos?.regions, !chosen.isEmpty { return chosen }
        let canaries = regions.list.filter { $0.canary && !$0.standby }.map(\.name)
        return canaries.isEmpty ? [regions.primary] : canaries
    }

    /// The kubectl context of a cluster: its region's `context`, else the region's name.
    public func kubeContext(of cluster: String) -> String {
        spec.regions?.region(named: cluster)?.clusterContext ?? cluster
    }

    /// The order clusters are deployed in: the primary region first (its databases are what the
    /// replicas follow), then the others in spec order.
    public var deployOrder: [String] {
        [primaryCluster] + clusters.filter { $0 != primaryCluster }
    }

    /// Whether the environment spans more than one cluster.
    public var isMultiCluster: Bool { clusters.count > 1 }
    /// The namespace the services run in.
    public var namespace: String { spec.platform.namespace }

    /// Labels every object carries: the platform's own, plus the recommended Kubernetes labels.
    public func labels(component: String, name: String? = nil) -> [String: String] {
        var labels = spec.platform.labels
        labels["app.kubernetes.io/managed-by"] = "bizra-gen"
        labels["app.kubernetes.io/part-of"] = labels["app.kubernetes.io/part-of"] ?? spec.platform.name
        labels["app.kubernetes.io/component"] = component
        labels["app.kubernetes.io/name"] = Self.labelValue(name ?? component)
        labels["\(labelDomain)/environment"] = spec.platform.environment
        return labels
    }

    /// The prefix of the platform's own label keys (`<labelDomain>/environment`): see ``labelDomain(host:zone:)``.
    public var labelDomain: String { Self.labelDomain(host: spec.platform.domain, zone: spec.regions?.dns.zone) }

    /// The organisation's domain, which Kubernetes asks label-key prefixes to be: the DNS zone the
    /// platform's records live in (`regions.dns.zone`) when the spec has one; else the platform's
    /// public host without its leftmost label when it has three or more (`api.bizra.ai` → `bizra.ai`,
    /// `shop.example.com` → `example.com`), or the host itself (`example.com`).
    public static func labelDomain(host: String, zone: String?) -> String {
        func labels(_ name: String) -> [Substring] { name.lowercased().split(separator: ".") }
        if let zone, !labels(zone).isEmpty { return labels(zone).joined(separator: ".") }
        var parts = labels(host)
        if parts.count >= 3 { parts.removeFirst() }
        return parts.joined(separator: ".")
    }

    /// The annotations that give a ServiceAccount its AWS identity: the IRSA role of
    /// `platform.aws.accountId`; none without it (EKS Pod Identity associates the role outside the cluster).
    public func cloudIdentity(serviceAccount name: String) -> [String: String] {
        platform.awsRole(forServiceAccount: name).map { ["eks.amazonaws.com/role-arn": $0] } ?? [:]
    }

    /// A derived name as a label value, which Kubernetes caps at 63 characters: the name itself when
    /// it fits, else its first 54 characters and 8 hex digits of its SHA-256, so that two long names
    /// stay apart and the labels and selectors of one object still agree. Names in the spec are at
    /// most 40 characters; only names derived from two of them (`allow-<service>-to-<database>`) get here.
    static func labelValue(_ name: String) -> String {
        guard name.utf8.count > 63 else { return name }
        var prefix = String(name.prefix(54))
        while let last = prefix.last, !(last.isLetter || last.isNumber) { prefix.removeLast() }
        return "\(prefix)-\(SHA256.hex(name).prefix(8))"
    }

    /// The selector labels of a workload: stable across spec changes, a subset of `labels`.
    public func selector(name: String) -> [String: String] {
        ["app.kubernetes.io/name": Self.labelValue(name), "app.kubernetes.io/part-of": labels(component: name)["app.kubernetes.io/part-of"]!]
    }
}
