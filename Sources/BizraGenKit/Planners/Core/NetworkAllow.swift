/// One kind of traffic the platform's NetworkPolicies let through: from a peer to a peer on ports.
public struct NetworkAllow: Equatable, Sendable {
    /// Pods or namespaces at one end of an allowed connection.
    public enum Peer: Equatable, Sendable {
        /// Pods of the platform's namespace with these labels.
        case pods([String: String])
        /// Every pod of the platform's namespace.
        case allPods
        /// Pods of another namespace (all of them when `pods` is nil).
        case namespace(String, pods: [String: String]?)
        /// Any address (e.g. the Kubernetes API server, whose address the spec does not state).
        case anywhere
        /// Addresses outside the cluster's pods, by CIDR (a load balancer, another region).
        case addresses([String])
        /// A CIDR minus some of its ranges (the public Internet: everything but private addresses).
        case addressesExcept(String, except: [String])

        /// Whether the peer is pods of the platform's namespace, which a policy there can select.
        var isLocal: Bool {
            switch self {
            case .pods, .allPods: true
            case .namespace, .anywhere, .addresses, .addressesExcept: false
            }
        }

        /// The private address ranges (RFC 1918): where a VPC's load balancers and peered regions are.
        public static let privateNetworks = Peer.addresses(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"])
    }

    /// A port by number or by the container port's name, and its protocol.
    public struct Port: Equatable, Sendable {
        public enum Value: Equatable, Sendable { case number(Int), name(String) }
        public var value: Value
        public var networkProtocol: String
        public init(_ value: Value, protocol networkProtocol: String = "TCP") {
            self.value = value
            self.networkProtocol = networkProtocol
        }
        public static func tcp(_ number: Int) -> Port { Port(.number(number)) }
    }

    /// What the policy allows, e.g. `allow-bizra-node0-to-postgres`.
    public var name: String
    public var from: Peer
    public var to: Peer
    public var ports: [Port]
    /// The clusters whose policies allow it.
    public var placement: Placement
    /// What a reader of the policy must know (a host name the policy cannot express).
    public var note: String?

    public init(name: String, from: Peer, to: Peer, ports: [Port], placement: Placement = .everyCluster, note: String? = nil) {
        self.note = note
        self.name = name
        self.from = from
        self.to = to
        self.ports = ports
        self.placement = placement
    }
}
