/// Tracing, the collector, logs, dashboards and the spec's own alerts.
public struct Observability: Equatable, Sendable {
    public struct Tracing: Equatable, Sendable {
        public var sampling: Percent
        public var jaeger: Jaeger
        public var tempo: Tempo
        public var source: SourceMap
        public init(sampling: Percent, jaeger: Jaeger, tempo: Tempo,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.sampling = sampling
            self.jaeger = jaeger
            self.tempo = tempo
        }
    }
    public struct Jaeger: Equatable, Sendable {
        public var replicas: Int
        public var otlpGRPC: Int
        public var otlpHTTP: Int
        public var source: SourceMap
        public init(replicas: Int, otlpGRPC: Int = 4317, otlpHTTP: Int = 4318,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.replicas = replicas
            self.otlpGRPC = otlpGRPC
            self.otlpHTTP = otlpHTTP
        }
    }
    /// Storage-backed components: Tempo and Loki.
    public struct Store: Equatable, Sendable {
        public var replicas: Int
        public var storage: ByteSize
        public var retention: Duration
        public var source: SourceMap
        public init(replicas: Int, storage: ByteSize, retention: Duration,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.replicas = replicas
            self.storage = storage
            self.retention = retention
        }
    }
    public typealias Tempo = Store
    public typealias Loki = Store
    public struct Collector: Equatable, Sendable {
        public var replicas: Int
        public var batchSize: Int
        public var memoryLimit: ByteSize
        public var exporters: [String]
        public var source: SourceMap
        public static let knownExporters = ["jaeger", "prometheus", "logging", "tempo", "loki"]
        public init(replicas: Int, batchSize: Int, memoryLimit: ByteSize, exporters: [String],
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.replicas = replicas
            self.batchSize = batchSize
            self.memoryLimit = memoryLimit
            self.exporters = exporters
        }
    }
    public struct Logs: Equatable, Sendable {
        public var loki: Loki
        public var promtail: Promtail
        public var source: SourceMap
        public init(loki: Loki, promtail: Promtail,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.loki = loki
            self.promtail = promtail
        }
    }
    /// How pods' log lines are parsed (`logs.promtail`, named after the agent the format first
    /// described; Grafana Alloy, its successor, is what collects them now).
    public struct Promtail: Equatable, Sendable {
        public var parseJSON: Bool
        public var extractLabels: [String]
        public var source: SourceMap
        public init(parseJSON: Bool, extractLabels: [String],
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.parseJSON = parseJSON
            self.extractLabels = extractLabels
        }
    }

    public var namespace: String
    public var tracing: Tracing?
    public var collector: Collector?
    public var logs: Logs?
    public var dashboards: [String]
    public var alerts: [Alert]
    /// `monitorLabels`: labels on every ServiceMonitor, PodMonitor and PrometheusRule, for the
    /// Prometheus that must select them (kube-prometheus-stack selects `release: <its release>`
    /// unless told otherwise).
    public var monitorLabels: [String: String] = [:]
    public var source: SourceMap

    public init(namespace: String, tracing: Tracing? = nil, collector: Collector? = nil, logs: Logs? = nil,
                dashboards: [String] = [], alerts: [Alert] = [],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.namespace = namespace
        self.tracing = tracing
        self.collector = collector
        self.logs = logs
        self.dashboards = dashboards
        self.alerts = alerts
    }
}

/// A Prometheus alert written in the spec, beside those derived from the SLA.
public struct Alert: Equatable, Sendable {
    public enum Severity: String, Equatable, Sendable, CaseIterable {
        case critical, warning, info
    }
    public var name: String
    public var expr: String
    public var forDuration: Duration
    public var severity: Severity
    public var source: SourceMap
    public init(name: String, expr: String, for forDuration: Duration, severity: Severity,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.expr = expr
        self.forDuration = forDuration
        self.severity = severity
    }
}
