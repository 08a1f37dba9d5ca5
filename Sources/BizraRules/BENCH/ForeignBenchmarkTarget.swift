import BizraSpec

/// BENCH002.
public struct ForeignBenchmarkTarget: Rule {
    public static let identifier = "BENCH002"
    public static let severity = Severity.warning
    public static let summary = "a benchmark target host that is not the platform's domain"
    public static let explanation = """
        The load tests check the platform's SLA, so they must hit the platform: its `platform.domain` or a host \
        under it. A target elsewhere measures something else (and may load-test a system nobody agreed to). \
        Leave `target` out to use `https://<platform.domain>`.
        """
    public static let triggeringExamples: [RuleExample] = [.overlay("benchmarks: { target: \"https://api.example.com\" }\n")]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("benchmarks: { target: \"https://api.bizra.ai:443/\" }\n"),
        .overlay("benchmarks: { target: \"https://eu.api.bizra.ai\" }\n"),
    ]
    public init() {}

    /// The host of a URL: without scheme, credentials, port and path.
    public static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        rest = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") { return String(rest.prefix { $0 != "]" }.dropFirst()) }
        return String(rest.prefix { $0 != ":" }).lowercased()
    }

    public func check(_ spec: Spec) -> [Finding] {
        guard let benchmarks = spec.benchmarks, let target = benchmarks.target else { return [] }
        let host = Self.host(of: target), domain = spec.platform.domain.lowercased()
        guard host != domain && !host.hasSuffix("." + domain) else { return [] }
        return [finding("benchmark target host \(host) is not the platform's domain \(spec.platform.domain); use https://\(spec.platform.domain) or leave target out",
                        at: benchmarks.source["target"],
                        notes: [.init("the platform's domain is \(spec.platform.domain) here", at: spec.platform.source["domain"])])]
    }
}
