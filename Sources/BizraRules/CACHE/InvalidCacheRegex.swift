import BizraSpec

/// CACHE001.
public struct InvalidCacheRegex: Rule {
    public static let identifier = "CACHE001"
    public static let severity = Severity.error
    public static let summary = "a cache rule whose `match` is not a valid regular expression"
    public static let explanation = """
        Each Varnish cache rule becomes `req.url ~ "<match>"` in the VCL. A pattern that is not a valid regular \
        expression makes varnishd refuse the whole VCL at startup, so the cache never serves. The diagnostic \
        gives the compiler's reason.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("caching:\n  varnish:\n    rules:\n      - { name: api, match: \"^/api/(v1\", ttl: 5m }\n"),
        .overlay("caching:\n  varnish:\n    rules:\n      - { name: assets, match: \"^/static/[a-z\", ttl: 1h }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("caching:\n  varnish:\n    rules:\n      - { name: api, match: \"^/api/(v1|v2)/\", ttl: 5m }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        (spec.caching?.varnish?.rules ?? []).compactMap { rule in
            do {
                _ = try Regex(rule.match)
                return nil
            } catch {
                return finding("cache rule '\(rule.name)': match \"\(rule.match)\" is not a valid regular expression (\(error))",
                               at: rule.source["match"])
            }
        }
    }
}
