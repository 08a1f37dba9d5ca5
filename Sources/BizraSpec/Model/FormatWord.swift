/// A value of one of the format's fixed lists (an eviction policy, an exporter, an HTTP method...)
/// as a Swift type: each word the format knows is a static member (`.allkeysLRU`), and a string
/// literal is accepted as well, as YAML writes it. A word outside the list is not a trap but a
/// finding of the model's checks at the value's location, for both front ends.
public protocol FormatWord: RawRepresentable, ExpressibleByStringLiteral, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    /// The word `rawValue`, known or not.
    init(rawValue: String)
    /// The words the format accepts, in the order its documentation lists them.
    static var allowed: [Self] { get }
}

extension FormatWord {
    /// The word the literal spells.
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    /// The word as YAML writes it.
    public var description: String { rawValue }
    /// The words the format accepts, as YAML writes them.
    public static var allowedWords: [String] { allowed.map(\.rawValue) }
    /// Whether the format knows this word.
    public var isKnown: Bool { Self.allowed.contains(self) }
}

extension Redis {
    /// `maxmemoryPolicy`: what Redis evicts when its memory is full.
    public struct EvictionPolicy: FormatWord {
        /// The word as YAML writes it.
        public var rawValue: String
        /// The word `rawValue`, known or not.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Refuse writes when full; evict nothing.
        public static let noeviction = Self(rawValue: "noeviction")
        /// Any key, least recently used first (the default).
        public static let allkeysLRU = Self(rawValue: "allkeys-lru")
        /// Any key, least frequently used first.
        public static let allkeysLFU = Self(rawValue: "allkeys-lfu")
        /// Any key, at random.
        public static let allkeysRandom = Self(rawValue: "allkeys-random")
        /// Keys with a TTL, least recently used first.
        public static let volatileLRU = Self(rawValue: "volatile-lru")
        /// Keys with a TTL, least frequently used first.
        public static let volatileLFU = Self(rawValue: "volatile-lfu")
        /// Keys with a TTL, at random.
        public static let volatileRandom = Self(rawValue: "volatile-random")
        /// Keys with a TTL, nearest expiry first.
        public static let volatileTTL = Self(rawValue: "volatile-ttl")
        /// The words the format accepts.
        public static let allowed: [Self] = [.noeviction, .allkeysLRU, .allkeysLFU, .allkeysRandom,
                                             .volatileLRU, .volatileLFU, .volatileRandom, .volatileTTL]
        /// Whether it may evict a key without a TTL, such as a work queue's list.
        public var evictsAnyKey: Bool { rawValue.hasPrefix("allkeys-") }
    }
}

extension Observability.Collector {
    /// One of `exporters`: where the collector sends telemetry.
    public struct Exporter: FormatWord {
        /// The word as YAML writes it.
        public var rawValue: String
        /// The word `rawValue`, known or not.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Traces to Jaeger, over OTLP.
        public static let jaeger = Self(rawValue: "jaeger")
        /// Metrics for Prometheus to scrape.
        public static let prometheus = Self(rawValue: "prometheus")
        /// The collector's own log (debugging).
        public static let logging = Self(rawValue: "logging")
        /// Traces to Tempo, over OTLP.
        public static let tempo = Self(rawValue: "tempo")
        /// Logs to Loki.
        public static let loki = Self(rawValue: "loki")
        /// The words the format accepts.
        public static let allowed: [Self] = [.jaeger, .prometheus, .logging, .tempo, .loki]
    }
}

extension ClusterConventions.Toleration {
    /// `operator`: how the toleration matches a taint's value.
    public struct Operator: FormatWord {
        /// The word as YAML writes it.
        public var rawValue: String
        /// The word `rawValue`, known or not.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The taint's value must equal `value` (the default).
        public static let equal = Self(rawValue: "Equal")
        /// Any value (and, without a key, any taint).
        public static let exists = Self(rawValue: "Exists")
        /// The words the format accepts.
        public static let allowed: [Self] = [.equal, .exists]
    }

    /// `effect`: which taints of the key it tolerates.
    public struct Effect: FormatWord {
        /// The word as YAML writes it.
        public var rawValue: String
        /// The word `rawValue`, known or not.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Taints that keep new pods off the node.
        public static let noSchedule = Self(rawValue: "NoSchedule")
        /// Taints the scheduler tries to avoid.
        public static let preferNoSchedule = Self(rawValue: "PreferNoSchedule")
        /// Taints that evict running pods.
        public static let noExecute = Self(rawValue: "NoExecute")
        /// The words the format accepts.
        public static let allowed: [Self] = [.noSchedule, .preferNoSchedule, .noExecute]
    }
}

extension ClusterConventions.TopologySpread {
    /// `whenUnsatisfiable`: what the scheduler does when the spread cannot be kept.
    public struct WhenUnsatisfiable: FormatWord {
        /// The word as YAML writes it.
        public var rawValue: String
        /// The word `rawValue`, known or not.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Schedule anyway, preferring the spread (the default).
        public static let scheduleAnyway = Self(rawValue: "ScheduleAnyway")
        /// Leave the pod pending.
        public static let doNotSchedule = Self(rawValue: "DoNotSchedule")
        /// The words the format accepts.
        public static let allowed: [Self] = [.scheduleAnyway, .doNotSchedule]
    }
}

extension Benchmarks.Endpoint {
    /// `method`: the HTTP method of the request.
    public struct Method: FormatWord {
        /// The word as YAML writes it.
        public var rawValue: String
        /// The word `rawValue`, known or not.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// GET (the default).
        public static let get = Self(rawValue: "GET")
        /// POST.
        public static let post = Self(rawValue: "POST")
        /// PUT.
        public static let put = Self(rawValue: "PUT")
        /// PATCH.
        public static let patch = Self(rawValue: "PATCH")
        /// DELETE.
        public static let delete = Self(rawValue: "DELETE")
        /// HEAD.
        public static let head = Self(rawValue: "HEAD")
        /// OPTIONS.
        public static let options = Self(rawValue: "OPTIONS")
        /// The words the format accepts.
        public static let allowed: [Self] = [.get, .post, .put, .patch, .delete, .head, .options]
    }
}
