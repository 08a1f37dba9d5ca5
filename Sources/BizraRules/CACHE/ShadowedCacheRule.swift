import BizraSpec

/// CACHE002.
public struct ShadowedCacheRule: Rule {
    public static let identifier = "CACHE002"
    public static let severity = Severity.warning
    public static let summary = "a cache rule that can never match because an earlier rule covers it (`^/api/` before `^/api/v1/static`)"
    public static let explanation = """
        Varnish applies the first rule whose pattern matches, so a rule that an earlier, broader rule covers \
        never applies: with `^/api/` before `^/api/v1/static`, static API responses get the API's TTL. Put the \
        more specific rule first.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("caching:\n  varnish:\n    rules:\n      - { name: api-v1, match: \"^/api/v1/\", ttl: 1m }\n"),
        .overlay("caching:\n  varnish:\n    rules:\n      - { name: images, match: \"^/static/img/\", ttl: 1d }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("caching:\n  varnish:\n    rules:\n      - { name: health, match: \"^/health$\", ttl: 1s }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        let rules = spec.caching?.varnish?.rules ?? []
        return rules.enumerated().compactMap { index, rule in
            guard let earlier = rules[..<index].first(where: { CacheRuleCoverage.covers($0.match, rule.match) }) else { return nil }
            return finding(
                "cache rule '\(rule.name)' (\"\(rule.match)\") can never match: the earlier rule '\(earlier.name)' (\"\(earlier.match)\") covers every URL it matches; move '\(rule.name)' before '\(earlier.name)'",
                at: rule.source["match"],
                notes: [.init("'\(earlier.name)' matches first, here", at: earlier.source["match"])])
        }
    }
}
