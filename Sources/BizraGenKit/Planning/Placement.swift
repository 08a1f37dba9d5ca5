/// Which of the environment's clusters an object is written to.
///
/// Every region of `regions.list` is its own Kubernetes cluster. Most objects run in every cluster
/// (the services, their policies, monitoring, caches); some only where their job is done: the
/// primary database in the primary region, a replica in its own region, chaos where the spec runs it.
public enum Placement: Hashable, Sendable {
    /// Every cluster of the environment.
    case everyCluster
    /// Only the clusters of these regions.
    case clusters(Set<String>)

    /// Only the cluster of one region.
    public static func only(_ region: String) -> Placement { .clusters([region]) }

    /// Whether an object so placed goes to `cluster`.
    public func includes(_ cluster: String) -> Bool {
        switch self {
        case .everyCluster: true
        case .clusters(let regions): regions.contains(cluster)
        }
    }
}

extension KubernetesObject {
    /// The object, placed only in the cluster of `region`.
    public func placed(in region: String) -> KubernetesObject {
        var object = self
        object.placement = .only(region)
        return object
    }

    /// The object, placed in the clusters of `regions`.
    public func placed(in regions: some Sequence<String>) -> KubernetesObject {
        var object = self
        object.placement = .clusters(Set(regions))
        return object
    }
}
