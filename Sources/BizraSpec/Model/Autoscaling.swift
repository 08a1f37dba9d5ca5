/// How a service scales: KEDA (any trigger) or a plain HPA (cpu and memory only), plus a VPA.
public struct Autoscaling: Equatable, Sendable {
    /// Which autoscaler the service gets; never both on one workload.
    public enum Engine: String, Equatable, Sendable, CaseIterable {
        /// `keda` (any trigger) or `hpa` (cpu and memory only).
        case keda, hpa
    }
    /// Which autoscaler scales it.
    public var engine: Engine
    /// Fewest replicas.
    public var min: Int
    /// Most replicas.
    public var max: Int
    /// How often triggers are read (default 30s).
    public var pollingInterval: TimeSpan
    /// Wait before scaling in (default 5m).
    public var cooldown: TimeSpan
    /// Scaling triggers.
    public var triggers: [Trigger]
    /// The VerticalPodAutoscaler; nil: none.
    public var vpa: VPA?
    /// Where the autoscaling and each of its keys were written.
    public var source: SourceMap

    /// Autoscaling, located at the place of the call.
    public init(engine: Engine, min: Int, max: Int, pollingInterval: TimeSpan = .seconds(30),
                cooldown: TimeSpan = .minutes(5), triggers: [Trigger], vpa: VPA? = nil,
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
        /// `above` (default; a load such as requests) or `below` (a quality such as a score, which falls under load).
        case above, below
    }
    /// What the trigger reads, by its `type`, with that type's keys.
    public enum Kind: Equatable, Sendable {
        /// `cpu`: the target CPU utilisation.
        case cpu(target: Percent)
        /// `memory`: the target memory utilisation.
        case memory(target: Percent)
        /// `prometheus`: a PromQL query, the value per replica to scale at, the value on the idle side of
        /// which the workload scales to its minimum (only written when min is 0; nil: none), and
        /// `scaleOutWhen`, which side of `threshold` calls for more replicas.
        case prometheus(query: String, threshold: Double, activation: Double?, scaleOutWhen: ScaleOutWhen = .above)
        /// `redis`: the list to watch, its length per replica, and the Redis cluster (`caching.redis.name`).
        case redis(list: String, length: Int, connection: String)

        /// The trigger's `type` in YAML.
        public var typeName: String {
            switch self {
            case .cpu: "cpu"
            case .memory: "memory"
            case .prometheus: "prometheus"
            case .redis: "redis"
            }
        }
        /// Every trigger `type` the format knows.
        public static let typeNames = ["cpu", "memory", "prometheus", "redis"]

        /// `redis`, on a list of the Redis cluster given as a value.
        public static func redis(list: String, length: Int, connection: Redis) -> Kind {
            Kind.redis(list: list, length: length, connection: connection.name as String)
        }
    }
    /// The trigger's name.
    public var name: String
    /// Its type and that type's keys.
    public var kind: Kind
    /// Where the trigger and each of its keys were written.
    public var source: SourceMap
    /// A trigger, located at the place of the call.
    public init(name: String, _ kind: Kind,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.kind = kind
    }
}

/// The VerticalPodAutoscaler of a service.
public struct VPA: Equatable, Sendable {
    /// Update mode; `Off` gives recommendations only.
    public enum Mode: String, Equatable, Sendable, CaseIterable {
        /// `Off`, `Initial`, `Recreate` or `Auto`, as the VPA names them.
        case off = "Off", initial = "Initial", recreate = "Recreate", auto = "Auto"
    }
    /// Update mode; `Off` gives recommendations only.
    public var mode: Mode
    /// Lowest recommendation.
    public var min: ResourceAmounts
    /// Highest recommendation.
    public var max: ResourceAmounts
    /// Where the VPA and each of its keys were written.
    public var source: SourceMap
    /// A VPA, located at the place of the call.
    public init(mode: Mode, min: ResourceAmounts, max: ResourceAmounts,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.mode = mode
        self.min = min
        self.max = max
    }
}
