/// Multi-region routing, replication and disaster-recovery backups.
public struct Regions: Equatable, Sendable {
    /// `regions.dns`: weighted DNS.
    public struct DNS: Equatable, Sendable {
        /// The DNS provider, e.g. route53.
        public var provider: String
        /// The DNS zone.
        public var zone: String
        /// Record TTL.
        public var ttl: Duration
        /// The health check of each region.
        public var healthCheck: HealthCheck
        /// Where the DNS settings and each of their keys were written.
        public var source: SourceMap
        /// DNS settings, located at the place of the call.
        public init(provider: String, zone: String, ttl: Duration, healthCheck: HealthCheck,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.provider = provider
            self.zone = zone
            self.ttl = ttl
            self.healthCheck = healthCheck
        }
    }
    /// `dns.healthCheck`: the health check of each region.
    public struct HealthCheck: Equatable, Sendable {
        /// The path.
        public var path: String
        /// Interval.
        public var interval: Duration
        /// Failures before a region is out.
        public var failureThreshold: Int
        /// Where the health check and each of its keys were written.
        public var source: SourceMap
        /// A health check, located at the place of the call.
        public init(path: String, interval: Duration, failureThreshold: Int,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.path = path
            self.interval = interval
            self.failureThreshold = failureThreshold
        }
    }
    /// A region of `regions.list`.
    public struct Region: Equatable, Sendable {
        /// The region.
        public var name: String
        /// Share of the traffic, in percent.
        public var weight: Int
        /// Receives canary traffic (default false).
        public var canary: Bool
        /// Serves only on failover (default false).
        public var standby: Bool
        /// The kubectl context (and Argo CD cluster name) of the region's cluster; nil: the region's name.
        public var context: String?
        /// Where the region and each of its keys were written.
        public var source: SourceMap
        /// A region, located at the place of the call.
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
        /// The database (`replication.postgres`) or Redis cluster (`replication.redis`) it replicates.
        public var source: String
        /// `replicas` (postgres) or `secondaries` (redis): the regions it replicates to.
        public var targets: [String]
        /// Lag that raises an alert.
        public var lagAlert: Duration
        /// `replication.postgres.primaryHost`: the host name under which the primary database is
        /// reachable from the other regions; nil: `<database>.<primary region>.<dns zone>`, published
        /// by the primary region's ExternalDNS for an internal load balancer.
        public var primaryHost: String?
        /// Where the replication and each of its keys were written.
        public var sourceMap: SourceMap
        /// A replication, located at the place of the call.
        public init(source: String, targets: [String], lagAlert: Duration, primaryHost: String? = nil,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.sourceMap = SourceMap(fileID: fileID, line: line, column: column)
            self.source = source
            self.targets = targets
            self.lagAlert = lagAlert
            self.primaryHost = primaryHost
        }
    }
    /// `regions.backup`: the disaster-recovery backup.
    public struct Backup: Equatable, Sendable {
        /// When it runs; must keep `sla.recovery.rpo`.
        public var schedule: Cron
        /// Where backups go, e.g. `s3://bizra-dr-backups`.
        public var bucket: String
        /// Regions the bucket replicates to.
        public var replicateTo: [String]
        /// What is backed up (YAML default `kubernetes-resources`): words of ``knownIncludes``, or the
        /// names of databases and of the Redis cluster.
        public var include: [String]
        /// Where the backup and each of its keys were written.
        public var source: SourceMap
        /// The words `include` knows besides the names of databases and of the Redis cluster.
        public static let knownIncludes = ["kubernetes-resources", "ground-truth-database", "redis-snapshots"]
        /// A backup, located at the place of the call.
        public init(schedule: Cron, bucket: String, replicateTo: [String], include: [String],
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.schedule = schedule
            self.bucket = bucket
            self.replicateTo = replicateTo
            self.include = include
        }
    }

    /// The primary region.
    public var primary: String
    /// Weighted DNS.
    public var dns: DNS
    /// Use a global accelerator (default false).
    public var accelerator: Bool
    /// The regions; weights of serving regions add up to 100.
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
    /// The disaster-recovery backup; nil: none.
    public var backup: Backup?
    /// `monitoring.remoteWrite`: the Prometheus remote-write endpoint of the primary region's
    /// monitoring, where every other region's series are forwarded; nil forwards nothing.
    public var metricsRemoteWrite: String?
    /// Where the section and each of its keys were written.
    public var source: SourceMap

    /// Regions, located at the place of the call; `databaseReplication` is the first of ``databaseReplications``.
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

    /// The region of that name.
    public func region(named name: String) -> Region? { list.first { $0.name == name } }
    /// The replication of the database of that name, when it has one.
    public func databaseReplication(of database: String) -> Replication? { databaseReplications.first { $0.source == database } }
}
