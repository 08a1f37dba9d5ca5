import BizraSpec

/// How a Redis node's memory is split: `maxmemory` for the dataset and the rest for replication
/// buffers, copy-on-write during AOF rewrites and fragmentation.
public enum RedisMemoryBudget {
    /// The share of `memoryPerNode` the generator gives `maxmemory`: three quarters.
    public static let maxmemoryShare: (numerator: Int64, denominator: Int64) = (3, 4)
    /// The least overhead a node needs beside `maxmemory`: the replication backlog and client buffers.
    public static let minimumOverhead = ByteSize.mebibytes(64)
    /// The least dataset worth clustering.
    public static let minimumMaxmemory = ByteSize.mebibytes(128)

    /// `maxmemoryShare` of `memoryPerNode`, rounded down to a whole byte.
    public static func maxmemory(_ redis: Redis) -> ByteSize {
        redis.memoryPerNode.fraction(maxmemoryShare.numerator, maxmemoryShare.denominator)
    }

    public static func overhead(_ redis: Redis) -> ByteSize {
        ByteSize(bytes: redis.memoryPerNode.bytes - maxmemory(redis).bytes)
    }

    /// The least `memoryPerNode` that leaves both the minimum dataset and the minimum overhead.
    public static var minimumNodeMemory: ByteSize {
        let share = Double(maxmemoryShare.numerator) / Double(maxmemoryShare.denominator)
        let forData = Double(minimumMaxmemory.bytes) / share
        let forOverhead = Double(minimumOverhead.bytes) / (1 - share)
        return ByteSize(bytes: Int64(Int(saturating: max(forData, forOverhead), rounding: .up)))
    }
}
