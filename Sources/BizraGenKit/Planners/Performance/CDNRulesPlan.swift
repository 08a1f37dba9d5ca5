import BizraSpec

/// The CDN rules, published as a ConfigMap `<platform>-cdn-rules` for the CDN's own tooling.
enum CDNRulesPlan {
    static func name(_ context: PlanContext) -> String { "\(context.platform.name)-cdn-rules" }

    static func rules(_ cdn: CDN) -> YAMLValue {
        .list(cdn.rules.map { rule in
            [
                "match": .string(rule.match),
                "ttl": .string(rule.ttl.description),
                "ttlSeconds": .int(Int(rule.ttl.milliseconds / 1_000)),
            ]
        })
    }

    static func objects(_ context: PlanContext, cdn: CDN) -> [KubernetesObject] {
        [StackWorkload.configMap(context, name: name(context), namespace: context.namespace, component: "cdn",
                                 data: ["provider": cdn.provider, "rules.yaml": YAMLWriter.document(rules(cdn))])]
    }
}
