/// k6 load tests: endpoints hit by every scenario, thresholds from the SLA.
public struct Benchmarks: Equatable, Sendable {
    public struct Endpoint: Equatable, Sendable {
        public var name: String
        public var path: String
        public var method: String
        public var body: String?
        public var source: SourceMap
        public static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
        public init(name: String, path: String, method: String = "GET", body: String? = nil,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.name = name
            self.path = path
            self.method = method
            self.body = body
        }
    }
    public struct Stage: Equatable, Sendable {
        public var target: Int
        public var duration: Duration
        public var source: SourceMap
        public init(to target: Int, over duration: Duration,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.target = target
            self.duration = duration
        }
    }
    public struct Scenario: Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            case constantArrivalRate(rate: Rate, duration: Duration, preAllocatedVUs: Int?, maxVUs: Int?)
            case rampingVUs(stages: [Stage])
            case constantVUs(vus: Int, duration: Duration)

            public var typeName: String {
                switch self {
                case .constantArrivalRate: "constant-arrival-rate"
                case .rampingVUs: "ramping-vus"
                case .constantVUs: "constant-vus"
                }
            }
            public static let typeNames = ["constant-arrival-rate", "ramping-vus", "constant-vus"]
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

    /// Defaults to `https://<platform.domain>`.
    public var target: String?
    public var headers: [String: String]
    public var expectHeader: String?
    public var endpoints: [Endpoint]
    public var scenarios: [Scenario]
    public var source: SourceMap

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
