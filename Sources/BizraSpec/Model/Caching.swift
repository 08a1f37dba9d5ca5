/// Redis Cluster, Varnish in front of a service, and CDN rules.
public struct Caching: Equatable, Sendable {
    /// A Redis Cluster; nil: none.
    public var redis: Redis?
    /// Varnish in front of one service's port; nil: none.
    public var varnish: Varnish?
    /// CDN rules; nil: none.
    public var cdn: CDN?
    /// Where the section and each of its keys were written.
    public var source: SourceMap
    /// Caching, located at the place of the call.
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
    /// The cluster's name.
    public var name: String
    /// Masters.
    public var masters: Int
    /// Replicas of each master.
    public var replicasPerMaster: Int
    /// Memory of each node.
    public var memoryPerNode: ByteSize
    /// Eviction policy (default allkeys-lru).
    public var maxmemoryPolicy: EvictionPolicy
    /// Run the Prometheus exporter (default true).
    public var exporter: Bool
    /// Where the cluster and each of its keys were written.
    public var source: SourceMap
    /// A Redis Cluster, located at the place of the call.
    public init(name: String, masters: Int, replicasPerMaster: Int, memoryPerNode: ByteSize,
                maxmemoryPolicy: EvictionPolicy = .allkeysLRU, exporter: Bool = true,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.masters = masters
        self.replicasPerMaster = replicasPerMaster
        self.memoryPerNode = memoryPerNode
        self.maxmemoryPolicy = maxmemoryPolicy
        self.exporter = exporter
    }
    /// All its nodes: `masters x (1 + replicasPerMaster)`.
    public var nodes: Int { masters * (1 + replicasPerMaster) }
}

/// Varnish in front of one service's port.
public struct Varnish: Equatable, Sendable {
    /// `varnish.backend`: the service it caches.
    public struct Backend: Equatable, Sendable {
        /// A service.
        public var service: String
        /// A port name of that service.
        public var port: String
        /// Where the backend and each of its keys were written.
        public var source: SourceMap
        /// A backend, located at the place of the call.
        public init(service: some SpecReference, port: some SpecReference,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.service = service.referenceName
            self.port = port.referenceName
        }
    }
    /// `varnish.purge`: who may PURGE.
    public struct Purge: Equatable, Sendable {
        /// The CIDRs allowed to PURGE.
        public var allowFrom: [String]
        /// Where the purge settings and each of their keys were written.
        public var source: SourceMap
        /// Purge settings, located at the place of the call.
        public init(allowFrom: [String],
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.allowFrom = allowFrom
        }
    }
    /// Varnish's name.
    public var name: String
    /// Replicas.
    public var replicas: Int
    /// Memory.
    public var memory: ByteSize
    /// The service it caches.
    public var backend: Backend
    /// How long stale objects may be served (YAML default 6h).
    public var grace: TimeSpan
    /// Caching rules; the first match wins.
    public var rules: [VarnishRule]
    /// Who may PURGE; nil: nobody.
    public var purge: Purge?
    /// Where Varnish and each of its keys were written.
    public var source: SourceMap
    /// Varnish, located at the place of the call.
    public init(name: String, replicas: Int, memory: ByteSize, backend: Backend, grace: TimeSpan,
                rules: [VarnishRule], purge: Purge? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.replicas = replicas
        self.memory = memory
        self.backend = backend
        self.grace = grace
        self.rules = rules
        self.purge = purge
    }
}

/// A Varnish caching rule: a URL regular expression and its TTL.
public struct VarnishRule: Equatable, Sendable {
    /// The rule's name.
    public var name: String
    /// A URL regular expression.
    public var match: String
    /// Time to live.
    public var ttl: TimeSpan
    /// Where the rule and each of its keys were written.
    public var source: SourceMap
    /// A rule, located at the place of the call.
    public init(name: String, match: String, ttl: TimeSpan,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.match = match
        self.ttl = ttl
    }
}

/// CDN rules, published as a ConfigMap for the CDN's own tooling.
public struct CDN: Equatable, Sendable {
    /// A CDN rule: a URL pattern and its TTL.
    public struct Rule: Equatable, Sendable {
        /// A URL pattern.
        public var match: String
        /// Time to live.
        public var ttl: TimeSpan
        /// Where the rule and each of its keys were written.
        public var source: SourceMap
        /// A rule, located at the place of the call.
        public init(match: String, ttl: TimeSpan,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.match = match
            self.ttl = ttl
        }
    }
    /// The CDN, e.g. cloudflare.
    public var provider: String
    /// Rules.
    public var rules: [Rule]
    /// Where the CDN rules and each of their keys were written.
    public var source: SourceMap
    /// CDN rules, located at the place of the call.
    public init(provider: String, rules: [Rule],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.provider = provider
        self.rules = rules
    }
}
