/// Multi-region routing, replication and disaster-recovery backups.
public struct Regions: Equatable, Sendable {
    /// `regions.dns`: weighted DNS.
    public struct DNS: Equatable, Sendable {
        /// The DNS provider, e.g. route53.
        public var provider: String
        /// The DNS zone.
        public var zone: String
        /// Record TTL.
        public var ttl: TimeSpan
        /// The health check of each region.
        public var healthCheck: HealthCheck
        /// Where the DNS settings and each of their keys were written.
        public var source: SourceMap
        /// DNS settings, located at the place of the call.
        public init(provider: String, zone: String, ttl: TimeSpan, healthCheck: HealthCheck,
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
        public var interval: TimeSpan
        /// Failures before a region is out.
        public var failureThreshold: Int
        /// Where the health check and each of its keys were written.
        public var source: SourceMap
        /// A health check, located at the place of the call.
        public init(path: String, interval: TimeSpan, failureThreshold: Int,
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
    /// `regions.replication`: what is replicated to other regions.
    public struct Replication: Equatable, Sendable {
        /// The replicas of each replicated database (YAML: one mapping or a list).
        public var postgres: [PostgresReplication]
        /// The Redis secondaries; nil: Redis is not replicated.
        public var redis: RedisReplication?
        /// Where the replication and each of its keys were written.
        public var source: SourceMap
        /// Replication, located at the place of the call.
        public init(postgres: [PostgresReplication] = [], redis: RedisReplication? = nil,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.postgres = postgres
            self.redis = redis
        }
    }
    /// `replication.postgres`: a database's read replicas in other regions.
    public struct PostgresReplication: ReplicatedStore {
        /// The database it replicates.
        public var source: String
        /// The regions it replicates to.
        public var replicas: [String]
        /// Lag that raises an alert.
        public var lagAlert: TimeSpan
        /// The host name under which the primary database is reachable from the other regions;
        /// nil: `<database>.<primary region>.<dns zone>`, published by the primary region's
        /// ExternalDNS for an internal load balancer.
        public var primaryHost: String?
        /// Where the replication and each of its keys were written.
        public var sourceMap: SourceMap
        /// A database replication, located at the place of the call.
        public init(source: some SpecReference, replicas: [any SpecReference], lagAlert: TimeSpan, primaryHost: String? = nil,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.sourceMap = SourceMap(fileID: fileID, line: line, column: column)
            self.source = source.referenceName
            self.replicas = replicas.referenceNames
            self.lagAlert = lagAlert
            self.primaryHost = primaryHost
        }
        /// The regions it replicates to: `replicas`.
        public var targetRegions: [String] { replicas }
    }
    /// `replication.redis`: the Redis cluster's secondaries in other regions.
    public struct RedisReplication: ReplicatedStore {
        /// The Redis cluster it replicates.
        public var source: String
        /// The regions it replicates to.
        public var secondaries: [String]
        /// Lag that raises an alert.
        public var lagAlert: TimeSpan
        /// Where the replication and each of its keys were written.
        public var sourceMap: SourceMap
        /// A Redis replication, located at the place of the call.
        public init(source: some SpecReference, secondaries: [any SpecReference], lagAlert: TimeSpan,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.sourceMap = SourceMap(fileID: fileID, line: line, column: column)
            self.source = source.referenceName
            self.secondaries = secondaries.referenceNames
            self.lagAlert = lagAlert
        }
        /// The regions it replicates to: `secondaries`.
        public var targetRegions: [String] { secondaries }
    }
    /// `regions.monitoring`: how the regions' metrics meet.
    public struct Monitoring: Equatable, Sendable {
        /// The Prometheus remote-write endpoint of the primary region's monitoring, where every
        /// other region's series are forwarded; nil forwards nothing.
        public var remoteWrite: String?
        /// Where the monitoring settings and each of their keys were written.
        public var source: SourceMap
        /// Monitoring settings, located at the place of the call.
        public init(remoteWrite: String? = nil,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.remoteWrite = remoteWrite
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
        public static let knownIncludes = BackupInclude.words.map(\.rawValue)
        /// A backup, located at the place of the call.
        public init(schedule: Cron, bucket: String, replicateTo: [any SpecReference], include: [BackupInclude],
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.schedule = schedule
            self.bucket = bucket
            self.replicateTo = replicateTo.referenceNames
            self.include = include.map(\.rawValue)
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
    /// What is replicated to other regions (default: nothing).
    public var replication: Replication
    /// The disaster-recovery backup; nil: none.
    public var backup: Backup?
    /// How the regions' metrics meet (default: each region keeps its own).
    public var monitoring: Monitoring
    /// Where the section and each of its keys were written.
    public var source: SourceMap

    /// Regions, located at the place of the call.
    public init(primary: some SpecReference, dns: DNS, accelerator: Bool = false, list: [Region],
                replication: Replication = Replication(), backup: Backup? = nil, monitoring: Monitoring = Monitoring(),
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.monitoring = monitoring
        self.primary = primary.referenceName
        self.dns = dns
        self.accelerator = accelerator
        self.list = list
        self.replication = replication
        self.backup = backup
    }

    /// The region of that name.
    public func region(named name: String) -> Region? { list.first { $0.name == name } }
    /// The replication of the database of that name, when it has one.
    public func databaseReplication(of database: String) -> PostgresReplication? { replication.postgres.first { $0.source == database } }
}

/// A database or Redis cluster replicated to other regions: the part of both replications the
/// checks and planners treat alike.
public protocol ReplicatedStore: Equatable, Sendable {
    /// The database or Redis cluster it replicates.
    var source: String { get }
    /// The regions it replicates to: `replicas` (postgres) or `secondaries` (redis).
    var targetRegions: [String] { get }
    /// Lag that raises an alert.
    var lagAlert: TimeSpan { get }
    /// Where the replication and each of its keys were written.
    var sourceMap: SourceMap { get }
}
