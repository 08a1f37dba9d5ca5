import BizraSpec

/// CACHE003.
public struct OpenPurgeACL: Rule {
    public static let identifier = "CACHE003"
    public static let severity = Severity.error
    public static let summary = "a PURGE ACL open to everyone (0.0.0.0/0)"
    public static let explanation = """
        PURGE evicts objects from the cache. Open to every address, anyone on the internet can empty the cache \
        and send the full load to the backend: a denial of service with one request per URL. Allow only the \
        internal networks that publish content.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("caching: { varnish: { purge: { allowFrom: [10.0.0.0/8, 0.0.0.0/0] } } }\n"),
        .overlay("caching: { varnish: { purge: { allowFrom: [\"::/0\"] } } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("caching: { varnish: { purge: { allowFrom: [10.0.0.0/8, 192.168.0.0/16] } } }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let varnish = spec.caching?.varnish else { return [] }
        let open = (varnish.purge?.allowFrom ?? []).filter { $0.hasSuffix("/0") }
        return open.map {
            finding("PURGE is allowed from \($0), which is every address; allow only internal networks such as 10.0.0.0/8",
                    at: varnish.source["purge"])
        }
    }
}
