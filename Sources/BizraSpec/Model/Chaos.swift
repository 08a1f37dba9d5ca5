/// Chaos Mesh experiments against one target service, run in order by a workflow on a schedule.
public struct Chaos: Equatable, Sendable {
    /// `chaos.workflow`: the experiments in order, then a verification.
    public struct Workflow: Equatable, Sendable {
        /// The workflow's name.
        public var name: String
        /// Experiment names, in order.
        public var steps: [String]
        /// What the verification after the run checks; nil: the SLA's own targets.
        public var verify: Verify?
        /// Where the workflow and each of its keys were written.
        public var source: SourceMap
        /// A workflow, located at the place of the call.
        public init(name: String, steps: [any SpecReference], verify: Verify? = nil,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.name = name
            self.steps = steps.referenceNames
            self.verify = verify
        }
    }
    /// `workflow.verify`: what the verification after the run checks.
    public struct Verify: Equatable, Sendable {
        /// The lowest ihsan score after the run; nil: `sla.ihsanScore.duringChaos`. Only with
        /// `sla.ihsanScore` (SLA012).
        public var ihsanScoreMin: Double?
        /// Where the verification and each of its keys were written.
        public var source: SourceMap
        /// A verification, located at the place of the call.
        public init(ihsanScoreMin: Double? = nil,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.ihsanScoreMin = ihsanScoreMin
        }
    }
    /// The Chaos Mesh namespace.
    public var namespace: String
    /// Create the experiments paused (YAML default true; production requires it unless `allowProduction`).
    public var paused: Bool
    /// Allow unpaused experiments in production (default false).
    public var allowProduction: Bool
    /// When the workflow runs.
    public var schedule: Cron
    /// The service under test.
    public var target: String
    /// The experiments.
    public var experiments: [ChaosExperiment]
    /// The experiments in order, then a verification; nil: none.
    public var workflow: Workflow?
    /// The regions whose clusters run the experiments; nil: the canary regions, or the primary
    /// region when none is a canary.
    public var regions: [String]?
    /// Where the section and each of its keys were written.
    public var source: SourceMap
    /// Chaos, located at the place of the call.
    public init(namespace: String, paused: Bool, allowProduction: Bool = false, schedule: Cron, target: some SpecReference,
                experiments: [ChaosExperiment], workflow: Workflow? = nil, regions: [any SpecReference]? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.namespace = namespace
        self.paused = paused
        self.allowProduction = allowProduction
        self.schedule = schedule
        self.target = target.referenceName
        self.experiments = experiments
        self.workflow = workflow
        self.regions = regions?.map(\.referenceName)
    }

    /// The experiment of that name.
    public func experiment(named name: String) -> ChaosExperiment? { experiments.first { $0.name == name } }
}

/// One chaos experiment.
public struct ChaosExperiment: Equatable, Sendable {
    /// What the experiment does, by its `type`, with that type's keys.
    public enum Kind: Equatable, Sendable {
        /// `network-delay`: added latency, and jitter (nil: none).
        case networkDelay(latency: TimeSpan, jitter: TimeSpan?)
        /// `pod-failure`.
        case podFailure
        /// `pod-kill`.
        case podKill
        /// `cpu-stress`: CPU load, and stress workers.
        case cpuStress(load: Percent, workers: Int)
        /// `memory-stress`: memory to take.
        case memoryStress(size: ByteSize)
        /// `io-delay`: added I/O latency, the share of I/O delayed, and a volume of the target.
        case ioDelay(delay: TimeSpan, percent: Percent, volume: String)
        /// `http-abort`: a port name of the target, and the path pattern.
        case httpAbort(port: String, path: String)

        /// The experiment's `type` in YAML.
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
        /// Every experiment `type` the format knows.
        public static let typeNames = ["network-delay", "pod-failure", "pod-kill", "cpu-stress",
                                       "memory-stress", "io-delay", "http-abort"]

        /// `io-delay` on a volume of the target given as a value.
        public static func ioDelay(delay: TimeSpan, percent: Percent, volume: Volume) -> Kind {
            Kind.ioDelay(delay: delay, percent: percent, volume: volume.name as String)
        }

        /// `http-abort` on a port of the target given as a value.
        public static func httpAbort(port: Port, path: String) -> Kind {
            Kind.httpAbort(port: port.name as String, path: path)
        }
    }
    /// Chaos Mesh selector mode.
    public enum Mode: String, Equatable, Sendable, CaseIterable {
        /// `one` (default), `all`, `fixed`, `fixed-percent` or `random-max-percent`, as Chaos Mesh names them.
        case one, all, fixed, fixedPercent = "fixed-percent", randomMaxPercent = "random-max-percent"
    }
    /// The experiment's name.
    public var name: String
    /// Its type and that type's keys.
    public var kind: Kind
    /// Which pods (default one).
    public var mode: Mode
    /// How long it runs.
    public var duration: TimeSpan
    /// Where the experiment and each of its keys were written.
    public var source: SourceMap
    /// An experiment, located at the place of the call.
    public init(name: String, _ kind: Kind, mode: Mode = .one, duration: TimeSpan,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.kind = kind
        self.mode = mode
        self.duration = duration
    }
}
