/// Redis Cluster, Varnish in front of a service, and CDN rules.
public struct Caching: Equatable, Sendable {
    public var redis: Redis?
    public var varnish: Varnish?
    public var cdn: CDN?
    public var source: SourceMap
    public init(redis: Redis? = nil, varnish: Varnish? = nil, cdn: CDN? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.redis = redis
        self.varnish = varnish
        self.cdn = cdn
    }
}

/// A Redis Cluster of `masters x (1 + replicasPerMaster)` nodes.
public struct Redis: Equatable, Sendable {
    public var name: String
    public var masters: Int
    public var replicasPerMaster: Int
    public var memoryPerNode: ByteSize
    public var maxmemoryPolicy: String
    public var exporter: Bool
    public var source: SourceMap
    public static let policies = ["noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random",
                                  "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl"]
    public init(name: String, masters: Int, replicasPerMaster: Int, memoryPerNode: ByteSize,
                maxmemoryPolicy: String = "allkeys-lru", exporter: Bool = true,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.masters = masters
        self.replicasPerMaster = replicasPerMaster
        self.memoryPerNode = memoryPerNode
        self.maxmemoryPolicy = maxmemoryPolicy
        self.exporter = exporter
    }
    public var nodes: Int { masters * (1 + replicasPerMaster) }
}

/// Varnish in front of one service's port.
public struct Varnish: Equatable, Sendable {
    public struct Backend: Equatable, Sendable {
        public var service: String
        public var port: String
        public var source: SourceMap
        public init(service: String, port: String,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.service = service
            self.port = port
        }
    }
    public var name: String
    public var replicas: Int
    public var memory: ByteSize
    public var backend: Backend
    public var grace: Duration
    /// First match wins.
    public var rules: [VarnishRule]
    /// CIDRs allowed to PURGE.
    public var purgeAllowFrom: [String]
    public var source: SourceMap
    public init(name: String, replicas: Int, memory: ByteSize, backend: Backend, grace: Duration,
                rules: [VarnishRule], purgeAllowFrom: [String],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.replicas = replicas
        self.memory = memory
        self.backend = backend
        self.grace = grace
        self.rules = rules
        self.purgeAllowFrom = purgeAllowFrom
    }
}

/// A Varnish caching rule: a URL regular expression and its TTL.
public struct VarnishRule: Equatable, Sendable {
    public var name: String
    public var match: String
    public var ttl: Duration
    public var source: SourceMap
    public init(name: String, match: String, ttl: Duration,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.match = match
        self.ttl = ttl
    }
}

/// CDN rules, published as a ConfigMap for the CDN's own tooling.
public struct CDN: Equatable, Sendable {
    public struct Rule: Equatable, Sendable {
        public var match: String
        public var ttl: Duration
        public var source: SourceMap
        public init(match: String, ttl: Duration,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.match = match
            self.ttl = ttl
        }
    }
    public var provider: String
    public var rules: [Rule]
    public var source: SourceMap
    public init(provider: String, rules: [Rule],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.provider = provider
        self.rules = rules
    }
}
