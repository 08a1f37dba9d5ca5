import BizraSpec

/// The CDN rules (`caching.cdn`), written as `cdn/<provider>-rules.yaml` for the CDN's own
/// tooling: nothing inside a cluster reads them, so they are a file beside the clusters rather
/// than a ConfigMap in each.
public struct CDNRulesRenderer: ArtifactRenderer {
    public init() {}

    /// The file's path in the environment's folder.
    public static func path(_ cdn: CDN) -> String { "cdn/\(cdn.provider)-rules.yaml" }

    static func rules(_ cdn: CDN) -> YAMLValue {
        .list(cdn.rules.map { rule in
            [
                "match": .string(rule.match),
                "ttl": .string(rule.ttl.description),
                "ttlSeconds": .int(Int(rule.ttl.milliseconds / 1_000)),
            ]
        })
    }

    public func render(_ context: PlanContext) throws -> [String: String] {
        guard let cdn = context.spec.caching?.cdn else { return [:] }
        return [Self.path(cdn): YAMLWriter.stream(
            header: ManifestFile.header + "\nThe CDN rules of caching.cdn, for \(cdn.provider)'s own tooling.",
            documents: [["provider": .string(cdn.provider), "rules": Self.rules(cdn)]])]
    }
}
