import BizraSpec

/// The PrometheusRule `<platform>-cache`: alerts derived from `sla.cache` (Redis command latency
/// from the Redis exporter, Varnish hit rate from the Varnish exporter).
enum CacheAlertsPlan {
    static let window = "5m"
    static let forDuration = "5m"

    static func name(_ context: PlanContext) -> String { "\(context.platform.name)-cache" }

    /// Mean Redis command latency, in seconds.
    static let redisLatency =
        "sum(rate(redis_commands_duration_seconds_total[\(window)])) / sum(rate(redis_commands_total[\(window)]))"
    /// Varnish hit ratio, 0 to 1.
    static let varnishHitRatio =
        "sum(rate(varnish_main_cache_hit[\(window)])) / (sum(rate(varnish_main_cache_hit[\(window)])) + sum(rate(varnish_main_cache_miss[\(window)])))"

    static func rules(_ context: PlanContext, cache: SLA.Cache) -> [YAMLValue] {
        var rules: [YAMLValue] = []
        if let redis = context.spec.caching?.redis, redis.exporter {
            rules.append(alert(
                "CacheLatencyHigh",
                expr: "\(redisLatency) > \(NumberText.decimal(cache.latency.seconds))",
                summary: "Redis \(redis.name) commands take longer than the SLA's \(cache.latency)",
                description: "Mean Redis command latency over \(window) is {{ $value | humanizeDuration }}; sla.cache.latency is \(cache.latency)."))
        }
        if let varnish = context.spec.caching?.varnish {
            rules.append(alert(
                "CacheHitRateLow",
                expr: "\(varnishHitRatio) < \(NumberText.decimal(cache.hitRate.fraction))",
                summary: "Varnish \(varnish.name) hit rate is below the SLA's \(cache.hitRate)",
                description: "Varnish hit rate over \(window) is {{ $value | humanizePercentage }}; sla.cache.hitRate is \(cache.hitRate)."))
        }
        return rules
    }

    static func alert(_ name: String, expr: String, summary: String, description: String) -> YAMLValue {
        [
            "alert": .string(name),
            "expr": .string(expr),
            "for": .string(forDuration),
            "labels": ["severity": "warning", "slo": "cache"],
            "annotations": ["summary": .string(summary), "description": .string(description)],
        ]
    }

    static func objects(_ context: PlanContext) -> [KubernetesObject] {
        guard let cache = context.spec.sla.cache else { return [] }
        let rules = rules(context, cache: cache)
        guard !rules.isEmpty else { return [] }
        return [KubernetesObject(
            apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", name: name(context),
            namespace: context.namespace, labels: context.labels(component: "alerts", name: name(context)),
            body: ["spec": ["groups": [["name": .string(name(context)), "rules": .list(rules)]]]])]
    }
}
