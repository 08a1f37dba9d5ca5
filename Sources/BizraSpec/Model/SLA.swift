/// The one source of truth for targets: alert, autoscaler and k6 thresholds derive from it.
public struct SLA: Equatable, Sendable {
    public struct Latency: Equatable, Sendable {
        public var p50: Duration
        public var p95: Duration
        public var p99: Duration
        public var source: SourceMap
        public init(p50: Duration, p95: Duration, p99: Duration,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.p50 = p50
            self.p95 = p95
            self.p99 = p99
        }
    }

    public struct Throughput: Equatable, Sendable {
        public var peak: Rate
        public var sustained: Rate
        public var source: SourceMap
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

        public var min: Double
        public var duringChaos: Double
        public var maxRegionalVariance: Double
        /// The gauge that carries the score.
        public var metric: String
        public var source: SourceMap
        public init(min: Double, duringChaos: Double, maxRegionalVariance: Double, metric: String = defaultMetric,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.min = min
            self.duringChaos = duringChaos
            self.maxRegionalVariance = maxRegionalVariance
            self.metric = metric
        }
    }

    public struct Cache: Equatable, Sendable {
        public var latency: Duration
        public var hitRate: Percent
        public var source: SourceMap
        public init(latency: Duration, hitRate: Percent,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.latency = latency
            self.hitRate = hitRate
        }
    }

    /// The replication lag each replicated store keeps within; nil for a store the platform does not replicate.
    public struct ReplicationLag: Equatable, Sendable {
        public var database: Duration?
        public var redis: Duration?
        public var source: SourceMap
        public init(database: Duration?, redis: Duration?,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.database = database
            self.redis = redis
        }
    }

    public struct Recovery: Equatable, Sendable {
        public var rto: Duration
        public var rpo: Duration
        public var source: SourceMap
        public init(rto: Duration, rpo: Duration,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.rto = rto
            self.rpo = rpo
        }
    }

    public var latency: Latency
    public var errorRate: Percent
    public var throughput: Throughput
    /// Optional: a platform without a compliance score has none of what derives from it.
    public var ihsanScore: IhsanScore?
    public var cache: Cache?
    /// `database.queryLatency`.
    public var databaseQueryLatency: Duration?
    public var crossRegionLatency: Duration?
    public var replicationLag: ReplicationLag?
    public var recovery: Recovery?
    /// `autoscaling.scaleOutTime`.
    public var scaleOutTime: Duration?
    public var source: SourceMap

    public init(latency: Latency, errorRate: Percent, throughput: Throughput, ihsanScore: IhsanScore? = nil,
                cache: Cache? = nil, databaseQueryLatency: Duration? = nil, crossRegionLatency: Duration? = nil,
                replicationLag: ReplicationLag? = nil, recovery: Recovery? = nil, scaleOutTime: Duration? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.latency = latency
        self.errorRate = errorRate
        self.throughput = throughput
        self.ihsanScore = ihsanScore
        self.cache = cache
        self.databaseQueryLatency = databaseQueryLatency
        self.crossRegionLatency = crossRegionLatency
        self.replicationLag = replicationLag
        self.recovery = recovery
        self.scaleOutTime = scaleOutTime
    }
}
