import BizraSpec

/// RES007.
public struct RedisClusterSize: Rule {
    public static let identifier = "RES007"
    public static let severity = Severity.error
    public static let summary = "Redis Cluster with fewer than 3 masters (or more nodes than Redis Cluster is built for), or memory per node too small for its maxmemory plus overhead"
    public static let explanation = """
        Redis Cluster needs at least three masters to reach a majority when one fails; with fewer, a single \
        failure stops the cluster. Its gossip is designed for up to \(maximumNodes) nodes, masters and replicas \
        together; the bootstrap Job lists every node. Each node gives three quarters of `memoryPerNode` to `maxmemory` and keeps \
        the rest for replication buffers, AOF rewrites and fragmentation; below the minimum the node is \
        OOM-killed under load.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("caching: { redis: { masters: 2 } }\n"),
        .overlay("caching: { redis: { memoryPerNode: 128Mi } }\n"),
        .overlay("caching: { redis: { masters: 600, replicasPerMaster: 1 } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("caching: { redis: { masters: 5, memoryPerNode: 1Gi } }\n")]
    /// The largest cluster Redis documents (`cluster-node-timeout` gossip grows with every node).
    public static let maximumNodes = 1000

    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let redis = spec.caching?.redis else { return [] }
        var findings: [Finding] = []
        if redis.masters < 3 {
            findings.append(finding("Redis Cluster \(redis.name) has \(redis.masters) master\(redis.masters == 1 ? "" : "s"); a cluster needs at least 3 to survive a failure",
                                    at: redis.source["masters"]))
        }
        if redis.masters > Self.maximumNodes || redis.nodes > Self.maximumNodes {
            findings.append(finding("Redis Cluster \(redis.name) has \(redis.masters) masters with \(redis.replicasPerMaster) replicas each; Redis Cluster is built for at most \(Self.maximumNodes) nodes in all",
                                    at: redis.source["masters"]))
        }
        let minimum = RedisMemoryBudget.minimumNodeMemory
        if redis.memoryPerNode < minimum {
            findings.append(finding(
                "memoryPerNode \(redis.memoryPerNode) of \(redis.name) leaves maxmemory \(RedisMemoryBudget.maxmemory(redis)) and \(RedisMemoryBudget.overhead(redis)) overhead; a node needs at least \(minimum) (maxmemory \(RedisMemoryBudget.minimumMaxmemory) or more, overhead \(RedisMemoryBudget.minimumOverhead) or more)",
                at: redis.source["memoryPerNode"]))
        }
        return findings
    }
}
