/// Multi-region routing, replication and disaster-recovery backups.
public struct Regions: Equatable, Sendable {
    public struct DNS: Equatable, Sendable {
        public var provider: String
        public var zone: String
        public var ttl: Duration
        public var healthCheck: HealthCheck
        public var source: SourceMap
        public init(provider: String, zone: String, ttl: Duration, healthCheck: HealthCheck,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.provider = provider
            self.zone = zone
            self.ttl = ttl
            self.healthCheck = healthCheck
        }
    }
    public struct HealthCheck: Equatable, Sendable {
        public var path: String
        public var interval: Duration
        public var failureThreshold: Int
        public var source: SourceMap
        public init(path: String, interval: Duration, failureThreshold: Int,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.path = path
            self.interval = interval
            self.failureThreshold = failureThreshold
        }
    }
    public struct Region: Equatable, Sendable {
        public var name: String
        /// Share of the traffic, in percent.
        public var weight: Int
        public var canary: Bool
        public var standby: Bool
        /// The kubectl context (and Argo CD cluster name) of the region's cluster; nil: the region's name.
        public var context: String?
        public var source: SourceMap
        public init(name: String, weight: Int, canary: Bool = false, standby: Bool = false, context: String? = nil,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.name = name
            self.weight = weight
            self.canary = canary
            self.standby = standby
            self.context = context
        }

        /// The kubectl context of the region's cluster.
        public var clusterContext: String { context ?? name }
    }
    /// Replication of a database or Redis to other regions.
    public struct Replication: Equatable, Sendable {
        public var source: String
        public var targets: [String]
        public var lagAlert: Duration
        /// `replication.postgres.primaryHost`: the host name under which the primary database is
        /// reachable from the other regions; nil: `<database>.<primary region>.<dns zone>`, published
        /// by the primary region's ExternalDNS for an internal load balancer.
        public var primaryHost: String?
        public var sourceMap: SourceMap
        public init(source: String, targets: [String], lagAlert: Duration, primaryHost: String? = nil,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.sourceMap = SourceMap(fileID: fileID, line: line, column: column)
            self.source = source
            self.targets = targets
            self.lagAlert = lagAlert
            self.primaryHost = primaryHost
        }
    }
    public struct Backup: Equatable, Sendable {
        public var schedule: Cron
        public var bucket: String
        public var replicateTo: [String]
        public var include: [String]
        public var source: SourceMap
        /// The words `include` knows besides the names of databases and of the Redis cluster.
        public static let knownIncludes = ["kubernetes-resources", "ground-truth-database", "redis-snapshots"]
        public init(schedule: Cron, bucket: String, replicateTo: [String], include: [String],
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.schedule = schedule
            self.bucket = bucket
            self.replicateTo = replicateTo
            self.include = include
        }
    }

    public var primary: String
    public var dns: DNS
    public var accelerator: Bool
    public var list: [Region]
    /// `replication.postgres`: the replicas of each replicated database (one mapping or a list).
    public var databaseReplications: [Replication]
    /// The first of ``databaseReplications``; setting it replaces that one (or adds it).
    public var databaseReplication: Replication? {
        get { databaseReplications.first }
        set {
            if let newValue { databaseReplications = [newValue] + databaseReplications.dropFirst() }
            else if !databaseReplications.isEmpty { databaseReplications.removeFirst() }
        }
    }
    /// `replication.redis`: the Redis secondaries.
    public var redisReplication: Replication?
    public var backup: Backup?
    /// `monitoring.remoteWrite`: the Prometheus remote-write endpoint of the primary region's
    /// monitoring, where every other region's series are forwarded; nil forwards nothing.
    public var metricsRemoteWrite: String?
    public var source: SourceMap

    public init(primary: String, dns: DNS, accelerator: Bool = false, list: [Region],
                databaseReplication: Replication? = nil, redisReplication: Replication? = nil, backup: Backup? = nil,
                metricsRemoteWrite: String? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.metricsRemoteWrite = metricsRemoteWrite
        self.primary = primary
        self.dns = dns
        self.accelerator = accelerator
        self.list = list
        self.databaseReplications = databaseReplication.map { [$0] } ?? []
        self.redisReplication = redisReplication
        self.backup = backup
    }

    public func region(named name: String) -> Region? { list.first { $0.name == name } }
    /// The replication of the database of that name, when it has one.
    public func databaseReplication(of database: String) -> Replication? { databaseReplications.first { $0.source == database } }
}
