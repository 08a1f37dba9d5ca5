import Foundation
import BizraSpec

/// A planned object and the numbered file of its cluster it goes to.
///
/// A reference, so that the rules pass objects around without copying their fields: each cluster
/// of a ``PlannedPlatform`` has its own instances, changed only while the platform is built or an
/// example breaks it, never while rules read it (hence `@unchecked Sendable`).
public final class PlannedObject: @unchecked Sendable {
    public let file: String
    public var object: KubernetesObject

    public init(file: String, object: KubernetesObject) {
        self.file = file
        self.object = object
    }
}

/// The objects of one cluster, as they will be written.
public struct PlannedCluster: Sendable {
    public var name: String
    public var objects: [PlannedObject]

    public init(name: String, objects: [PlannedObject]) {
        self.name = name
        self.objects = objects
    }

    /// The objects of `kind`.
    public func objects(_ kind: String) -> [PlannedObject] { objects.filter { $0.object.kind == kind } }

    /// The object of `kind` named `name` in `namespace`.
    public func object(_ kind: String, _ name: String, namespace: String?) -> PlannedObject? {
        objects.first { $0.object.kind == kind && $0.object.name == name && $0.object.namespace == namespace }
    }

    /// Every pod the cluster's objects make, from workload templates and the operators' custom resources.
    public var pods: [PlannedPod] { objects.flatMap { PlannedPod.pods(of: $0.object) } }

    /// Index of the first object satisfying `matches`; for examples that break one object.
    public mutating func edit(_ matches: (KubernetesObject) -> Bool, _ change: (inout KubernetesObject) -> Void) {
        guard let index = objects.firstIndex(where: { matches($0.object) }) else { return }
        change(&objects[index].object)
    }
}

/// Everything a build will write, cluster by cluster, with the spec it came from.
public struct PlannedPlatform: Sendable {
    public var spec: Spec
    public var context: PlanContext
    public var clusters: [PlannedCluster] {
        didSet { indexes = IndexCache() }
    }
    /// Each cluster's ``ClusterIndex``, built once for all the rules (and again after an edit).
    private var indexes = IndexCache()

    /// The index of `cluster`.
    func index(_ cluster: PlannedCluster) -> ClusterIndex { indexes.index(cluster) }

    public init(spec: Spec, context: PlanContext, clusters: [PlannedCluster]) {
        self.spec = spec
        self.context = context
        self.clusters = clusters
    }

    /// Each object once, with the first cluster it goes to: for rules that judge an object on its
    /// own (its names, its images), whatever cluster it is in.
    var distinctObjects: [(object: PlannedObject, cluster: PlannedCluster)] {
        let names = clusters.map(\.name)
        func first(_ placement: Placement) -> String? {
            switch placement {
            case .everyCluster: names.first
            case .clusters(let regions): names.first { regions.contains($0) }
            }
        }
        var result: [(object: PlannedObject, cluster: PlannedCluster)] = []
        for cluster in clusters {
            for planned in cluster.objects where first(planned.object.placement) == cluster.name {
                result.append((planned, cluster))
            }
        }
        return result
    }

    /// The reference platform (the spec built into the binary), planned.
    public static func reference() throws -> PlannedPlatform {
        try BuildPipeline().plannedPlatform(SpecLoader().loadReference())
    }

    /// Changes `cluster`'s objects (every cluster when nil); for examples.
    public mutating func editCluster(_ cluster: String? = nil, _ change: (inout PlannedCluster) -> Void) {
        for index in clusters.indices where cluster == nil || clusters[index].name == cluster {
            change(&clusters[index])
        }
    }

    /// The spec line an object came from: the service, database, cache or region it is named after.
    func specLocation(of object: KubernetesObject) -> SourceLocation? {
        let name = object.labels["app.kubernetes.io/name"] ?? object.name
        if let service = spec.services.first(where: { $0.name == name || $0.name == object.name }) { return service.source.node }
        if let database = spec.databases.first(where: { $0.name == object.name || object.labels[DatabaseCluster.clusterLabel] == $0.name }) {
            return database.source.node
        }
        if let redis = spec.caching?.redis, redis.name == name { return redis.source.node }
        return nil
    }
}

/// Cluster indexes shared by the rules, which run concurrently.
private final class IndexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var built: [String: ClusterIndex] = [:]

    func index(_ cluster: PlannedCluster) -> ClusterIndex {
        lock.lock()
        if let index = built[cluster.name] { lock.unlock(); return index }
        lock.unlock()
        let index = ClusterIndex(cluster)
        lock.lock()
        built[cluster.name] = built[cluster.name] ?? index
        let result = built[cluster.name]!
        lock.unlock()
        return result
    }
}

extension KubernetesObject {
    /// `namespace/name`, or `name` for a cluster-scoped object.
    var reference: String { namespace.map { "\($0)/\(name)" } ?? name }

    /// A field of the body by dotted path (`spec.template.spec`), list indices as numbers.
    func value(_ path: String) -> YAMLValue? {
        var current: YAMLValue = .map(body)
        var rest = Substring(path)
        while true {
            let dot = rest.utf8.firstIndex(of: UInt8(ascii: "."))
            let part = dot.map { rest[..<$0] } ?? rest
            let next: YAMLValue?
            if let first = part.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"), let index = Int(part) {
                next = current[index]
            } else {
                next = current[String(part)]
            }
            guard let next else { return nil }
            guard let dot else { return next }
            current = next
            rest = rest[rest.utf8.index(after: dot)...]
        }
    }
}
