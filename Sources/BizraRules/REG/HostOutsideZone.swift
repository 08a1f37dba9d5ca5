import BizraSpec

/// REG006.
public struct HostOutsideZone: Rule {
    public static let identifier = "REG006"
    public static let severity = Severity.error
    public static let summary = "a public host (platform.domain or a route's host) outside regions.dns.zone, which ExternalDNS never publishes"
    public static let explanation = """
        Each region's ExternalDNS runs with `--domain-filter=<regions.dns.zone>` and manages records only \
        inside that zone (external-dns docs, "--domain-filter": "limit possible target zones by a domain \
        suffix"). A host outside it gets no weighted record, no health check and no failover: the Ingress \
        applies, and nobody can reach it by name. Put every public host under the zone, or make the zone \
        the common parent of the hosts.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("platform:\n  domain: api.bizra.example.com\n"),
        .overlay("routes:\n  - { path: /, service: varnish }\n  - { host: api.bizra.example.com, path: /v2, service: bizra-node0 }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("routes:\n  - { path: /, service: varnish }\n  - { host: admin.bizra.ai, path: /, service: bizra-node0 }\n"),
        .overlay("platform:\n  domain: bizra.ai\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let regions = spec.regions else { return [] }
        let zone = Self.normalised(regions.dns.zone)
        let zoneNote = Finding.Note("ExternalDNS publishes only names under \(zone), declared here", at: regions.dns.source["zone"])
        var findings: [Finding] = []
        if !Self.isInside(spec.platform.domain, zone: zone) {
            findings.append(finding("platform.domain \(spec.platform.domain) is outside the DNS zone \(zone), so no region publishes it",
                                    at: spec.platform.source["domain"], notes: [zoneNote]))
        }
        for route in spec.routes {
            guard let host = route.host, !Self.isInside(host, zone: zone) else { continue }
            findings.append(finding("the route's host \(host) is outside the DNS zone \(zone), so no region publishes it",
                                    at: route.source["host"], notes: [zoneNote]))
        }
        return findings
    }

    /// `host` is the zone or a name below it, compared as DNS does: without case or a trailing dot.
    static func isInside(_ host: String, zone: String) -> Bool {
        let host = normalised(host)
        return host == zone || host.hasSuffix("." + zone)
    }

    static func normalised(_ name: String) -> String {
        var name = name.lowercased()
        while name.hasSuffix(".") { name.removeLast() }
        return name
    }
}
