/// How a service scales: KEDA (any trigger) or a plain HPA (cpu and memory only), plus a VPA.
public struct Autoscaling: Equatable, Sendable {
    public enum Engine: String, Equatable, Sendable, CaseIterable {
        case keda, hpa
    }
    public var engine: Engine
    public var min: Int
    public var max: Int
    public var pollingInterval: Duration
    public var cooldown: Duration
    public var triggers: [Trigger]
    public var vpa: VPA?
    public var source: SourceMap

    public init(engine: Engine, min: Int, max: Int, pollingInterval: Duration = .seconds(30),
                cooldown: Duration = .minutes(5), triggers: [Trigger], vpa: VPA? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.engine = engine
        self.min = min
        self.max = max
        self.pollingInterval = pollingInterval
        self.cooldown = cooldown
        self.triggers = triggers
        self.vpa = vpa
    }

    /// Whether a trigger scales on cpu or memory utilisation.
    public var scalesOnResources: Bool {
        triggers.contains { if case .cpu = $0.kind { true } else if case .memory = $0.kind { true } else { false } }
    }
}

/// One scaling trigger.
public struct Trigger: Equatable, Sendable {
    /// Which side of a prometheus trigger's threshold calls for more replicas: `above` for a load
    /// (requests, queue depth: KEDA's own meaning), `below` for a quality that falls under load
    /// (a score, a success ratio).
    public enum ScaleOutWhen: String, Equatable, Sendable, CaseIterable {
        case above, below
    }
    public enum Kind: Equatable, Sendable {
        case cpu(target: Percent)
        case memory(target: Percent)
        /// `scaleOutWhen` says which side of `threshold` calls for more replicas.
        case prometheus(query: String, threshold: Double, activation: Double?, scaleOutWhen: ScaleOutWhen = .above)
        case redis(list: String, length: Int, connection: String)

        public var typeName: String {
            switch self {
            case .cpu: "cpu"
            case .memory: "memory"
            case .prometheus: "prometheus"
            case .redis: "redis"
            }
        }
        public static let typeNames = ["cpu", "memory", "prometheus", "redis"]
    }
    public var name: String
    public var kind: Kind
    public var source: SourceMap
    public init(name: String, _ kind: Kind,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.kind = kind
    }
}

/// The VerticalPodAutoscaler of a service.
public struct VPA: Equatable, Sendable {
    public enum Mode: String, Equatable, Sendable, CaseIterable {
        case off = "Off", initial = "Initial", recreate = "Recreate", auto = "Auto"
    }
    public var mode: Mode
    public var min: ResourceAmounts
    public var max: ResourceAmounts
    public var source: SourceMap
    public init(mode: Mode, min: ResourceAmounts, max: ResourceAmounts,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.mode = mode
        self.min = min
        self.max = max
    }
}
