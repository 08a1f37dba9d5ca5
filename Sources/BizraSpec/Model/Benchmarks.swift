/// k6 load tests: endpoints hit by every scenario, thresholds from the SLA.
public struct Benchmarks: Equatable, Sendable {
    /// An endpoint every scenario hits.
    public struct Endpoint: Equatable, Sendable {
        /// The endpoint's name.
        public var name: String
        /// The path.
        public var path: String
        /// HTTP method (default GET), one of ``Method/allowed``.
        public var method: Method
        /// Request body; nil: none.
        public var body: String?
        /// Where the endpoint and each of its keys were written.
        public var source: SourceMap
        /// An endpoint, located at the place of the call.
        public init(name: String, path: String, method: Method = .get, body: String? = nil,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.name = name
            self.path = path
            self.method = method
            self.body = body
        }
    }
    /// A stage of a `ramping-vus` scenario.
    public struct Stage: Equatable, Sendable {
        /// `to`: virtual users at the end of the stage.
        public var target: Int
        /// `over`: the stage's length.
        public var duration: TimeSpan
        /// Where the stage and each of its keys were written.
        public var source: SourceMap
        /// A stage, located at the place of the call.
        public init(to target: Int, over duration: TimeSpan,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.target = target
            self.duration = duration
        }
    }
    /// A k6 scenario, by type.
    public struct Scenario: Equatable, Sendable {
        /// What the scenario runs, by its `type`, with that type's keys.
        public enum Kind: Equatable, Sendable {
            /// `constant-arrival-rate`: arrival rate, length, virtual users allocated up front (nil: by
            /// Little's law from `sla.latency.p99`) and most virtual users (nil: as many as allocated).
            case constantArrivalRate(rate: Rate, duration: TimeSpan, preAllocatedVUs: Int?, maxVUs: Int?)
            /// `ramping-vus`: stages, in order.
            case rampingVUs(stages: [Stage])
            /// `constant-vus`: virtual users, and length.
            case constantVUs(vus: Int, duration: TimeSpan)

            /// The scenario's `type` in YAML.
            public var typeName: String {
                switch self {
                case .constantArrivalRate: "constant-arrival-rate"
                case .rampingVUs: "ramping-vus"
                case .constantVUs: "constant-vus"
                }
            }
            /// Every scenario `type` the format knows.
            public static let typeNames = ["constant-arrival-rate", "ramping-vus", "constant-vus"]
        }
        /// The scenario's name.
        public var name: String
        /// Its type and that type's keys.
        public var kind: Kind
        /// Where the scenario and each of its keys were written.
        public var source: SourceMap
        /// A scenario, located at the place of the call.
        public init(name: String, _ kind: Kind,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.name = name
            self.kind = kind
        }
    }

    /// Base URL; nil: `https://<platform.domain>`.
    public var target: String?
    /// Headers sent with every request.
    public var headers: [String: String]
    /// A header every response must carry; nil: none.
    public var expectHeader: String?
    /// Endpoints.
    public var endpoints: [Endpoint]
    /// Scenarios, run in order.
    public var scenarios: [Scenario]
    /// Where the section and each of its keys were written.
    public var source: SourceMap

    /// Benchmarks, located at the place of the call.
    public init(target: String? = nil, headers: [String: String] = [:], expectHeader: String? = nil,
                endpoints: [Endpoint], scenarios: [Scenario],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.target = target
        self.headers = headers
        self.expectHeader = expectHeader
        self.endpoints = endpoints
        self.scenarios = scenarios
    }
}
