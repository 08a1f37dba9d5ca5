extension Decode {
    static var externalEndpoints: (SpecNode, DecodeContext) -> [ExternalEndpoint]? { items("external endpoint", externalEndpoint) }

    static func externalEndpoint(_ r: inout MapReader) -> ExternalEndpoint? {
        let name = r.required("name", Decode.name)
        let host = r.optional("host", Decode.hostName)
        let cidrs = r.optional("cidrs", list(Decode.cidr))
        let port = r.required("port", Decode.port)
        let networkProtocol = r.optional("protocol", default: .tcp, enumeration(ExternalEndpoint.NetworkProtocol.self))
        if !r.has("host"), !r.has("cidrs") {
            r.context.report("SPEC003", "\(r.what) needs 'host' or 'cidrs': where its traffic may go", at: r.node)
            return nil
        }
        if !r.has("host"), cidrs?.isEmpty == true {
            r.context.report("SPEC003", "\(r.what) has no 'cidrs' and no 'host': where its traffic may go", at: r.node)
            return nil
        }
        guard let (name, port) = all(name, port), r.has("cidrs") ? cidrs != nil : true else { return nil }
        var endpoint = ExternalEndpoint(name: name, host: host, cidrs: cidrs ?? [], port: port, protocol: networkProtocol)
        endpoint.source = r.source
        return endpoint
    }

    /// A DNS name such as `api.stripe.com`.
    static func hostName(_ node: SpecNode, _ context: DecodeContext) -> String? {
        guard let value = string(node, context) else { return nil }
        let labels = value.split(separator: ".", omittingEmptySubsequences: false)
        guard value.count <= 253, labels.count >= 2,
              labels.allSatisfy({ DNSLabel.problem($0.lowercased()) == nil }) else {
            context.report("SPEC002", "'\(value)' is not a host name; expected one such as api.example.com", at: node)
            return nil
        }
        return value.lowercased()
    }

    /// An IPv4 CIDR block such as `203.0.113.0/24`.
    static func cidr(_ node: SpecNode, _ context: DecodeContext) -> String? {
        guard let value = string(node, context) else { return nil }
        guard IPv4CIDR.isValid(value) else {
            context.report("SPEC002", "'\(value)' is not an IPv4 CIDR block; expected one such as 203.0.113.0/24", at: node)
            return nil
        }
        return value
    }
}

/// IPv4 CIDR notation, as NetworkPolicy `ipBlock.cidr` takes it.
public enum IPv4CIDR {
    /// Whether `value` is `a.b.c.d/n` with octets 0-255 and n 0-32.
    public static func isValid(_ value: String) -> Bool {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]), (0...32).contains(prefix), parts[1].allSatisfy(\.isASCII) else { return false }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { octet in
            !octet.isEmpty && octet.count <= 3 && octet.allSatisfy { $0.isASCII && $0.isNumber } && Int(octet).map { $0 <= 255 } == true
        }
    }
}
