/// The one source of truth for targets: alert, autoscaler and k6 thresholds derive from it.
public struct SLA: Equatable, Sendable {
    /// `sla.latency`: request latency percentiles.
    public struct Latency: Equatable, Sendable {
        /// Median latency.
        public var p50: TimeSpan
        /// 95th percentile latency (blocking in SLA reports).
        public var p95: TimeSpan
        /// 99th percentile latency.
        public var p99: TimeSpan
        /// Where the percentiles and each of their keys were written.
        public var source: SourceMap
        /// Latency targets, located at the place of the call.
        public init(p50: TimeSpan, p95: TimeSpan, p99: TimeSpan,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.p50 = p50
            self.p95 = p95
            self.p99 = p99
        }
    }

    /// `sla.throughput`: request rates the platform must serve.
    public struct Throughput: Equatable, Sendable {
        /// Peak rate.
        public var peak: Rate
        /// Sustained rate.
        public var sustained: Rate
        /// Where the rates and each of their keys were written.
        public var source: SourceMap
        /// Throughput targets, located at the place of the call.
        public init(peak: Rate, sustained: Rate,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.peak = peak
            self.sustained = sustained
        }
    }

    /// The reference platform's compliance score: a gauge a service exports, with its targets.
    /// Everything derived from it (its alert, panels, chaos check) exists only when the SLA has one.
    public struct IhsanScore: Equatable, Sendable {
        /// The gauge's name when `metric` is not given.
        public static let defaultMetric = "ahsan_compliance_score"

        /// Lowest acceptable score.
        public var min: Double
        /// Lowest score during chaos experiments (YAML default: `min`).
        public var duringChaos: Double
        /// Largest spread between regions (YAML default 10).
        public var maxRegionalVariance: Double
        /// The gauge that carries the score.
        public var metric: String
        /// Where the score's targets and each of their keys were written.
        public var source: SourceMap
        /// Score targets, located at the place of the call.
        public init(min: Double, duringChaos: Double, maxRegionalVariance: Double, metric: String = defaultMetric,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.min = min
            self.duringChaos = duringChaos
            self.maxRegionalVariance = maxRegionalVariance
            self.metric = metric
        }
    }

    /// `sla.cache`: cache targets.
    public struct Cache: Equatable, Sendable {
        /// Cache latency.
        public var latency: TimeSpan
        /// Lowest cache hit rate.
        public var hitRate: Percent
        /// Where the cache targets and each of their keys were written.
        public var source: SourceMap
        /// Cache targets, located at the place of the call.
        public init(latency: TimeSpan, hitRate: Percent,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.latency = latency
            self.hitRate = hitRate
        }
    }

    /// The replication lag each replicated store keeps within; nil for a store the platform does not replicate.
    public struct ReplicationLag: Equatable, Sendable {
        /// Database replication lag (for `replication.postgres`); nil: no target.
        public var database: TimeSpan?
        /// Redis replication lag (for `replication.redis`); nil: no target.
        public var redis: TimeSpan?
        /// Where the lags and each of their keys were written.
        public var source: SourceMap
        /// Replication lag targets, located at the place of the call.
        public init(database: TimeSpan?, redis: TimeSpan?,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.database = database
            self.redis = redis
        }
    }

    /// `sla.database`: database targets.
    public struct Database: Equatable, Sendable {
        /// Query latency.
        public var queryLatency: TimeSpan
        /// Where the database targets and each of their keys were written.
        public var source: SourceMap
        /// Database targets, located at the place of the call.
        public init(queryLatency: TimeSpan,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.queryLatency = queryLatency
        }
    }
    /// `sla.autoscaling`: autoscaling targets.
    public struct Autoscaling: Equatable, Sendable {
        /// Time to add capacity: KEDA's polling interval plus the readiness probe's delay and period.
        public var scaleOutTime: TimeSpan
        /// Where the autoscaling targets and each of their keys were written.
        public var source: SourceMap
        /// Autoscaling targets, located at the place of the call.
        public init(scaleOutTime: TimeSpan,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.scaleOutTime = scaleOutTime
        }
    }
    /// `sla.recovery`: disaster recovery objectives.
    public struct Recovery: Equatable, Sendable {
        /// Recovery time objective.
        public var rto: TimeSpan
        /// Recovery point objective: backups must run at least this often.
        public var rpo: TimeSpan
        /// Where the objectives and each of their keys were written.
        public var source: SourceMap
        /// Recovery objectives, located at the place of the call.
        public init(rto: TimeSpan, rpo: TimeSpan,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.rto = rto
            self.rpo = rpo
        }
    }

    /// Request latency percentiles.
    public var latency: Latency
    /// Highest share of failed requests (blocking in SLA reports).
    public var errorRate: Percent
    /// Request rates the platform must serve.
    public var throughput: Throughput
    /// The compliance score's targets; nil: a platform without one has none of what derives from it.
    public var ihsanScore: IhsanScore?
    /// Cache targets; nil: none.
    public var cache: Cache?
    /// Database targets; nil: none.
    public var database: Database?
    /// Latency between regions; nil: no target.
    public var crossRegionLatency: TimeSpan?
    /// Largest replication lag; nil: no target.
    public var replicationLag: ReplicationLag?
    /// Disaster recovery objectives; nil: none.
    public var recovery: Recovery?
    /// Autoscaling targets; nil: none.
    public var autoscaling: Autoscaling?
    /// Where the SLA and each of its keys were written.
    public var source: SourceMap

    /// An SLA, located at the place of the call.
    public init(latency: Latency, errorRate: Percent, throughput: Throughput, ihsanScore: IhsanScore? = nil,
                cache: Cache? = nil, database: Database? = nil, crossRegionLatency: TimeSpan? = nil,
                replicationLag: ReplicationLag? = nil, recovery: Recovery? = nil, autoscaling: Autoscaling? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.latency = latency
        self.errorRate = errorRate
        self.throughput = throughput
        self.ihsanScore = ihsanScore
        self.cache = cache
        self.database = database
        self.crossRegionLatency = crossRegionLatency
        self.replicationLag = replicationLag
        self.recovery = recovery
        self.autoscaling = autoscaling
    }
}
