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

        /// Whether the peer is pods of the platform's namespace, which a policy there can select.
        var isLocal: Bool {
            switch self {
            case .pods, .allPods: true
            case .namespace, .anywhere: false
            }
        }
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

    public init(name: String, from: Peer, to: Peer, ports: [Port]) {
        self.name = name
        self.from = from
        self.to = to
        self.ports = ports
    }
}
