/// Something outside the platform that services reach (a payment provider, SMTP, a cloud API):
/// `dependsOn` names it, and the services' NetworkPolicies let them out to it.
public struct ExternalEndpoint: Equatable, Sendable {
    /// The transport protocol of a port, as NetworkPolicies name it.
    public enum NetworkProtocol: String, Equatable, Sendable, CaseIterable {
        /// `TCP` (default) or `UDP`.
        case tcp = "TCP", udp = "UDP"
    }

    /// The name `dependsOn` uses.
    public var name: String
    /// The host name, where the provider publishes no address ranges. A NetworkPolicy cannot
    /// match host names, so the egress it gets admits every public address on `port`.
    public var host: String?
    /// The provider's address ranges; the egress then admits only these.
    public var cidrs: [String]
    /// The port.
    public var port: Int
    /// TCP (default) or UDP.
    public var `protocol`: NetworkProtocol
    /// Where the endpoint and each of its keys were written.
    public var source: SourceMap

    /// An external endpoint, located at the place of the call.
    public init(name: String, host: String? = nil, cidrs: [String] = [], port: Int, protocol: NetworkProtocol = .tcp,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.host = host
        self.cidrs = cidrs
        self.port = port
        self.protocol = `protocol`
    }

    /// The public address space: everything but the private ranges (RFC 1918) and link-local
    /// addresses, so that a rule by host name lets nothing into the VPC or the cloud's metadata.
    public static let publicAddresses = (cidr: "0.0.0.0/0", except: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"])
}
