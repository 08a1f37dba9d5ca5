/// One end of a flow: a pod the cluster's objects make, an actor outside bizra-gen's objects
/// (Prometheus, an operator, kube-dns, a load balancer), or an address outside the cluster.
/// One reference either way, as every flow holds two.
enum FlowEnd: CustomStringConvertible {
    /// A planned pod, whose policies bizra-gen writes.
    case pod(PlannedPod)
    case party(Party)

    /// An end that is not a planned pod.
    final class Party: Sendable {
        let name: String
        let namespace: String?
        let labels: [String: String]
        let labelPairs: [String]
        /// An IPv4 address for ends outside the cluster.
        let address: String?

        init(name: String, namespace: String?, labels: [String: String], address: String?) {
            self.name = name
            self.namespace = namespace
            self.labels = labels
            self.labelPairs = labels.map { "\($0.key)=\($0.value)" }
            self.address = address
        }
    }

    static func outside(_ name: String, address: String) -> FlowEnd { .party(Party(name: name, namespace: nil, labels: [:], address: address)) }

    static func actor(_ name: String, namespace: String, labels: [String: String]) -> FlowEnd {
        .party(Party(name: name, namespace: namespace, labels: labels, address: nil))
    }

    var pod: PlannedPod? {
        if case .pod(let pod) = self { pod } else { nil }
    }

    var namespace: String? {
        switch self {
        case .pod(let pod): pod.namespace
        case .party(let party): party.namespace
        }
    }

    var labels: [String: String] {
        switch self {
        case .pod(let pod): pod.labels
        case .party(let party): party.labels
        }
    }

    var labelPairs: [String] {
        switch self {
        case .pod(let pod): pod.labelPairs
        case .party(let party): party.labelPairs
        }
    }

    var address: String? {
        if case .party(let party) = self { party.address } else { nil }
    }

    var description: String {
        switch self {
        case .pod(let pod): "\(pod.owner.kind) \(pod.namespace)/\(pod.owner.name)"
        case .party(let party): party.name
        }
    }
}

/// A connection the platform needs: `from` opens `port`/`proto` on `to`.
struct NetworkFlow {
    var from: FlowEnd
    var to: FlowEnd
    var port: Int
    var proto = "TCP"
    /// Why the platform needs it.
    var purpose: String
}

/// NetworkPolicies evaluated as networking.k8s.io/v1 defines them: a pod is isolated in a
/// direction when a policy of its namespace selects it with that policy type; an isolated pod
/// admits a flow when some such policy has a rule whose peers and ports match it (peers within
/// one entry AND-ed, entries OR-ed; named ports resolved on the destination pod; no `ports`
/// matches every port; ipBlock matches addresses outside the cluster, minus `except`).
struct NetworkPolicies {
    /// One `from`/`to` entry of a rule.
    enum Peer {
        case ipBlock(cidr: String, except: [String])
        /// `namespaceSelector` (nil: the policy's own namespace) and `podSelector` (nil: every pod).
        case pods(namespaces: LabelSelector?, pods: LabelSelector?)
    }

    /// One entry of `ports`.
    struct PortRange {
        var proto: String
        /// nil: every port; a number or a name resolved on the destination pod.
        var port: YAMLValue?
        var endPort: Int?
    }

    /// An ingress or egress rule; nil lists match everything.
    struct Rule {
        var peers: [Peer]?
        var ports: [PortRange]?

        init(_ value: YAMLValue, peersKey: String) {
            let peerList = value[peersKey]?.listValue ?? []
            peers = peerList.isEmpty ? nil : peerList.map { entry in
                if let block = entry["ipBlock"] {
                    return .ipBlock(cidr: block["cidr"]?.stringValue ?? "", except: (block["except"]?.listValue ?? []).compactMap(\.stringValue))
                }
                return .pods(namespaces: entry["namespaceSelector"].map { LabelSelector($0) }, pods: entry["podSelector"].map { LabelSelector($0) })
            }
            let portList = value["ports"]?.listValue ?? []
            ports = portList.isEmpty ? nil : portList.map {
                PortRange(proto: $0["protocol"]?.stringValue ?? "TCP", port: $0["port"], endPort: $0["endPort"]?.intValue)
            }
        }
    }

    struct Policy {
        var namespace: String
        var selector: LabelSelector
        var types: Set<String>
        var ingress: [Rule]
        var egress: [Rule]
    }

    var policies: [Policy]
    /// Policies by `namespace` and the first `matchLabels` pair of their pod selector
    /// (`namespace` alone for selectors without one), to find those selecting a pod quickly.
    private var byKey: [String: [Int]] = [:]

    init(_ cluster: PlannedCluster) {
        policies = cluster.objects("NetworkPolicy").map { planned in
            let object = planned.object
            let ingress = object.value("spec.ingress")?.listValue ?? []
            let egress = object.value("spec.egress")?.listValue ?? []
            var types = Set((object.value("spec.policyTypes")?.listValue ?? []).compactMap(\.stringValue))
            if types.isEmpty { types = egress.isEmpty ? ["Ingress"] : ["Ingress", "Egress"] }
            return Policy(namespace: object.namespace ?? "default", selector: LabelSelector(object.value("spec.podSelector")),
                          types: types, ingress: ingress.map { Rule($0, peersKey: "from") }, egress: egress.map { Rule($0, peersKey: "to") })
        }
        for (index, policy) in policies.enumerated() {
            let pair = policy.selector.matchLabels.min { $0.key < $1.key }
            byKey[Self.key(policy.namespace, pair), default: []].append(index)
        }
    }

    private static func key(_ namespace: String, _ pair: (key: String, value: String)?) -> String {
        pair.map { "\(namespace)/\($0.key)=\($0.value)" } ?? namespace
    }

    /// The policies selecting one pod in one direction, bucketed by what their rules' peers
    /// select (the first `matchLabels` pair of a pod selector), so that a flow only evaluates the
    /// policies that can admit its other end; `wildcard` holds those whose peers are not pod
    /// selectors with labels (ipBlocks, namespaces, no peers).
    private struct Selection {
        var isolated: Bool
        var byPeerLabel: [String: [Int]] = [:]
        var wildcard: [Int] = []
    }

    /// Selections by pod and direction, computed once: many flows share an end.
    private final class Selections: @unchecked Sendable {
        var found: [String: [ObjectIdentifier: Selection]] = [:]
    }
    private let selections = Selections()

    private func selection(_ pod: PlannedPod, _ type: String) -> Selection {
        if let found = selections.found[type]?[ObjectIdentifier(pod)] { return found }
        let keys = [Self.key(pod.namespace, nil)] + pod.labels.map { Self.key(pod.namespace, ($0.key, $0.value)) }
        let selecting = Set(keys.flatMap { byKey[$0] ?? [] })
            .filter { policies[$0].types.contains(type) && policies[$0].selector.matches(pod.labels) }.sorted()
        var selection = Selection(isolated: !selecting.isEmpty)
        for index in selecting {
            var buckets: Set<String> = []
            var wildcard = false
            for rule in type == "Egress" ? policies[index].egress : policies[index].ingress {
                guard let peers = rule.peers else { wildcard = true; continue }
                for peer in peers {
                    if case .pods(_, let pods?) = peer, let pair = pods.matchLabels.min(by: { $0.key < $1.key }) {
                        buckets.insert("\(pair.key)=\(pair.value)")
                    } else {
                        wildcard = true
                    }
                }
            }
            if wildcard { selection.wildcard.append(index) }
            for bucket in buckets { selection.byPeerLabel[bucket, default: []].append(index) }
        }
        selections.found[type, default: [:]][ObjectIdentifier(pod)] = selection
        return selection
    }

    /// Whether the policies let `flow` through, and which direction stops it when not.
    func blocks(_ flow: NetworkFlow) -> String? {
        if let pod = flow.from.pod, !admitted(selection(pod, "Egress"), peer: flow.to, egress: true, flow: flow) {
            return "no egress rule of the policies selecting \(flow.from) admits it"
        }
        if let pod = flow.to.pod, !admitted(selection(pod, "Ingress"), peer: flow.from, egress: false, flow: flow) {
            return "no ingress rule of the policies selecting \(flow.to) admits it"
        }
        return nil
    }

    private func admitted(_ selection: Selection, peer: FlowEnd, egress: Bool, flow: NetworkFlow) -> Bool {
        guard selection.isolated else { return true }
        func admits(_ index: Int) -> Bool {
            let policy = policies[index]
            return (egress ? policy.egress : policy.ingress).contains { self.admits($0, peer: peer, policyNamespace: policy.namespace, flow: flow) }
        }
        if selection.wildcard.contains(where: admits) { return true }
        return peer.labelPairs.contains { (selection.byPeerLabel[$0] ?? []).contains(where: admits) }
    }

    private func admits(_ rule: Rule, peer: FlowEnd, policyNamespace: String, flow: NetworkFlow) -> Bool {
        matches(rule.peers, peer: peer, policyNamespace: policyNamespace) && matches(rule.ports, flow: flow)
    }

    private func matches(_ peers: [Peer]?, peer: FlowEnd, policyNamespace: String) -> Bool {
        guard let peers else { return true }
        return peers.contains { entry in
            switch entry {
            case let .ipBlock(cidr, except):
                guard let address = peer.address, IPv4.contains(cidr, address) else { return false }
                return !except.contains { IPv4.contains($0, address) }
            case let .pods(namespaces, pods):
                guard let namespace = peer.namespace else { return false }
                if let namespaces {
                    guard namespaces.matches(["kubernetes.io/metadata.name": namespace]) else { return false }
                } else if namespace != policyNamespace {
                    return false
                }
                return pods?.matches(peer.labels) ?? true
            }
        }
    }

    private func matches(_ ports: [PortRange]?, flow: NetworkFlow) -> Bool {
        guard let ports else { return true }
        return ports.contains { entry in
            guard entry.proto == flow.proto else { return false }
            guard let port = entry.port else { return true }
            let number = port.intValue ?? (port.stringValue.flatMap { name in flow.to.pod?.resolve(.string(name)) })
            guard let number else { return false }
            return (number...max(number, entry.endPort ?? number)).contains(flow.port)
        }
    }
}

/// IPv4 CIDR arithmetic.
enum IPv4 {
    static func value(_ address: String) -> UInt32? {
        let parts = address.split(separator: ".").compactMap { UInt32($0) }
        guard parts.count == 4, parts.allSatisfy({ $0 < 256 }) else { return nil }
        return parts.reduce(0) { $0 << 8 | $1 }
    }

    static func contains(_ cidr: String, _ address: String) -> Bool {
        let parts = cidr.split(separator: "/")
        guard parts.count == 2, let base = value(String(parts[0])), let bits = UInt32(parts[1]), bits <= 32,
              let ip = value(address) else { return false }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
        return base & mask == ip & mask
    }
}
