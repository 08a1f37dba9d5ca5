import BizraSpec

/// How a Redis node's memory is split: `maxmemory` for the dataset and the rest for replication
/// buffers, copy-on-write during AOF rewrites and fragmentation.
public enum RedisMemoryBudget {
    /// The share of `memoryPerNode` the generator gives `maxmemory`.
    public static let maxmemoryShare = 0.75
    /// The least overhead a node needs beside `maxmemory`: the replication backlog and client buffers.
    public static let minimumOverhead = ByteSize.mebibytes(64)
    /// The least dataset worth clustering.
    public static let minimumMaxmemory = ByteSize.mebibytes(128)

    public static func maxmemory(_ redis: Redis) -> ByteSize {
        ByteSize(bytes: Int64(Double(redis.memoryPerNode.bytes) * maxmemoryShare))
    }

    public static func overhead(_ redis: Redis) -> ByteSize {
        ByteSize(bytes: redis.memoryPerNode.bytes - maxmemory(redis).bytes)
    }

    /// The least `memoryPerNode` that leaves both the minimum dataset and the minimum overhead.
    public static var minimumNodeMemory: ByteSize {
        let forData = Double(minimumMaxmemory.bytes) / maxmemoryShare
        let forOverhead = Double(minimumOverhead.bytes) / (1 - maxmemoryShare)
        return ByteSize(bytes: Int64(max(forData, forOverhead).rounded(.up)))
    }
}
