/// A cluster's objects and pods indexed for the OUT rules, so that selecting pods, Services or
/// policies costs the candidates sharing a label rather than a scan: the rules stay linear in
/// the size of the cluster.
struct ClusterIndex {
    let cluster: PlannedCluster
    let pods: [PlannedPod]
    private let podsByLabel: [String: [Int]]
    private let podsByNamespace: [String: [Int]]
    private let byKind: [String: [Int]]
    private let byIdentity: [String: Int]
    private let servicesByLabel: [String: [Int]]

    init(_ cluster: PlannedCluster) {
        self.cluster = cluster
        let pods = cluster.pods
        self.pods = pods
        var podsByLabel: [String: [Int]] = [:]
        var podsByNamespace: [String: [Int]] = [:]
        for (index, pod) in pods.enumerated() {
            podsByNamespace[pod.namespace, default: []].append(index)
            for pair in pod.labelPairs { podsByLabel[pair, default: []].append(index) }
        }
        var byKind: [String: [Int]] = [:]
        var byIdentity: [String: Int] = [:]
        var servicesByLabel: [String: [Int]] = [:]
        for (index, planned) in cluster.objects.enumerated() {
            let kind = planned.object.kind
            byKind[kind, default: []].append(index)
            let identity = Self.identity(kind, planned.object.namespace, planned.object.name)
            if byIdentity[identity] == nil { byIdentity[identity] = index }
            if kind == "Service" {
                for (key, value) in planned.object.labels { servicesByLabel["\(key)=\(value)", default: []].append(index) }
            }
        }
        self.podsByLabel = podsByLabel
        self.podsByNamespace = podsByNamespace
        self.byKind = byKind
        self.byIdentity = byIdentity
        self.servicesByLabel = servicesByLabel
    }

    private static func identity(_ kind: String, _ namespace: String?, _ name: String) -> String { "\(kind)/\(namespace ?? "")/\(name)" }

    func objects(_ kind: String) -> [PlannedObject] { (byKind[kind] ?? []).map { cluster.objects[$0] } }

    func object(_ kind: String, _ name: String, namespace: String?) -> PlannedObject? {
        byIdentity[Self.identity(kind, namespace, name)].map { cluster.objects[$0] }
    }

    /// The planned object a pod comes from.
    func owner(of pod: PlannedPod) -> PlannedObject? { object(pod.owner.kind, pod.owner.name, namespace: pod.owner.namespace) }

    /// The pods in `namespaces` (all when nil) that `selector` selects.
    func pods(_ selector: LabelSelector, in namespaces: Set<String>?) -> [PlannedPod] {
        let candidates: [Int]
        if let (key, value) = selector.matchLabels.min(by: { (podsByLabel["\($0.key)=\($0.value)"]?.count ?? 0) < (podsByLabel["\($1.key)=\($1.value)"]?.count ?? 0) }) {
            candidates = podsByLabel["\(key)=\(value)"] ?? []
        } else if let namespaces {
            candidates = namespaces.sorted().flatMap { podsByNamespace[$0] ?? [] }.sorted()
        } else {
            candidates = Array(pods.indices)
        }
        return candidates.map { pods[$0] }.filter { namespaces?.contains($0.namespace) ?? true && selector.matches($0.labels) }
    }

    /// The Services in `namespaces` whose labels `selector` selects.
    func services(_ selector: LabelSelector, in namespaces: Set<String>) -> [KubernetesObject] {
        let candidates = selector.matchLabels.map { servicesByLabel["\($0.key)=\($0.value)"] ?? [] }.min { $0.count < $1.count }
            ?? (byKind["Service"] ?? [])
        return candidates.map { cluster.objects[$0].object }.filter { namespaces.contains($0.namespace ?? "") && selector.matches($0.labels) }
    }

    /// The pods a Service's `spec.selector` routes to.
    func pods(behind service: KubernetesObject) -> [PlannedPod] {
        guard let selector = service.value("spec.selector"), selector.mapValue?.entries.isEmpty == false else { return [] }
        return pods(LabelSelector(equalities: selector), in: [service.namespace ?? ""])
    }
}
