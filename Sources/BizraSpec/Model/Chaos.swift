/// Chaos Mesh experiments against one target service, run in order by a workflow on a schedule.
public struct Chaos: Equatable, Sendable {
    public struct Workflow: Equatable, Sendable {
        public var name: String
        /// Experiment names, in order.
        public var steps: [String]
        /// Defaults to `sla.ihsanScore.duringChaos`; only with `sla.ihsanScore` (SLA012).
        public var verifyIhsanScoreMin: Double?
        public var source: SourceMap
        public init(name: String, steps: [String], verifyIhsanScoreMin: Double? = nil,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.name = name
            self.steps = steps
            self.verifyIhsanScoreMin = verifyIhsanScoreMin
        }
    }
    public var namespace: String
    public var paused: Bool
    public var allowProduction: Bool
    public var schedule: Cron
    public var target: String
    public var experiments: [ChaosExperiment]
    public var workflow: Workflow?
    /// The regions whose clusters run the experiments; nil: the canary regions, or the primary
    /// region when none is a canary.
    public var regions: [String]?
    public var source: SourceMap
    public init(namespace: String, paused: Bool, allowProduction: Bool = false, schedule: Cron, target: String,
                experiments: [ChaosExperiment], workflow: Workflow? = nil, regions: [String]? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.namespace = namespace
        self.paused = paused
        self.allowProduction = allowProduction
        self.schedule = schedule
        self.target = target
        self.experiments = experiments
        self.workflow = workflow
        self.regions = regions
    }

    public func experiment(named name: String) -> ChaosExperiment? { experiments.first { $0.name == name } }
}

/// One chaos experiment.
public struct ChaosExperiment: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case networkDelay(latency: Duration, jitter: Duration?)
        case podFailure
        case podKill
        case cpuStress(load: Percent, workers: Int)
        case memoryStress(size: ByteSize)
        case ioDelay(delay: Duration, percent: Percent, volume: String)
        case httpAbort(port: String, path: String)

        public var typeName: String {
            switch self {
            case .networkDelay: "network-delay"
            case .podFailure: "pod-failure"
            case .podKill: "pod-kill"
            case .cpuStress: "cpu-stress"
            case .memoryStress: "memory-stress"
            case .ioDelay: "io-delay"
            case .httpAbort: "http-abort"
            }
        }
        public static let typeNames = ["network-delay", "pod-failure", "pod-kill", "cpu-stress",
                                       "memory-stress", "io-delay", "http-abort"]
    }
    /// Chaos Mesh selector mode.
    public enum Mode: String, Equatable, Sendable, CaseIterable {
        case one, all, fixed, fixedPercent = "fixed-percent", randomMaxPercent = "random-max-percent"
    }
    public var name: String
    public var kind: Kind
    public var mode: Mode
    public var duration: Duration
    public var source: SourceMap
    public init(name: String, _ kind: Kind, mode: Mode = .one, duration: Duration,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.kind = kind
        self.mode = mode
        self.duration = duration
    }
}
