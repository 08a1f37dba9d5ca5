extension Decode {
    static var externalEndpoints: (SpecNode, DecodeContext) -> [ExternalEndpoint]? { items("external endpoint", checked(externalEndpoint, SpecValues.external)) }

    static func externalEndpoint(_ r: inout MapReader) -> ExternalEndpoint? {
        let name = r.required("name", Decode.string)
        let host = r.optional("host", Decode.hostName)
        let cidrs = r.optional("cidrs", list(Decode.string))
        r.recordItemLocations("cidrs")
        let port = r.required("port", Decode.int)
        let networkProtocol = r.optional("protocol", default: .tcp, enumeration(ExternalEndpoint.NetworkProtocol.self))
        guard let (name, port) = all(name, port), r.has("cidrs") ? cidrs != nil : true else { return nil }
        var endpoint = ExternalEndpoint(name: name, host: host, cidrs: cidrs ?? [], port: port, protocol: networkProtocol)
        endpoint.source = r.source
        return endpoint
    }

    /// A host name, lowercased as DNS compares it; whether it is one is checked on the model.
    static func hostName(_ node: SpecNode, _ context: DecodeContext) -> String? {
        string(node, context)?.lowercased()
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
