import BizraSpec

/// CACHE004.
public struct EvictableQueue: Rule {
    public static let identifier = "CACHE004"
    public static let severity = Severity.warning
    public static let summary = "a Redis list a KEDA trigger scales on, in a Redis whose maxmemoryPolicy evicts any key (allkeys-*)"
    public static let explanation = """
        With an `allkeys-*` policy Redis, once at `maxmemory`, evicts whichever keys its policy picks, the \
        queue's list among them (redis.io, "Key eviction"): its jobs are lost without an error, and the \
        trigger that scales on its length sees a short queue and scales in. A `volatile-*` policy evicts only \
        keys with a TTL (give the cache's entries one; the queue has none), `noeviction` refuses writes \
        instead; or keep the queue in a Redis of its own.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("caching: { redis: { maxmemoryPolicy: allkeys-lru } }\n"),
        .overlay("caching: { redis: { maxmemoryPolicy: allkeys-random } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("caching: { redis: { maxmemoryPolicy: volatile-lru } }\n"),
        .overlay("caching: { redis: { maxmemoryPolicy: noeviction } }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let redis = spec.caching?.redis, redis.maxmemoryPolicy.evictsAnyKey else { return [] }
        return spec.services.flatMap { service in
            (service.autoscaling?.triggers ?? []).compactMap { trigger -> Finding? in
                guard case .redis(let list, _, let connection) = trigger.kind, connection == redis.name else { return nil }
                return finding(
                    "\(service.name) scales on the list '\(list)' of \(redis.name), whose maxmemoryPolicy \(redis.maxmemoryPolicy) can evict it at maxmemory; use volatile-lru (and a TTL on cached entries) or noeviction",
                    at: redis.source["maxmemoryPolicy"] ?? redis.source.node,
                    notes: [.init("the trigger '\(trigger.name)' reads '\(list)' here", at: trigger.source.node)])
            }
        }
    }
}
