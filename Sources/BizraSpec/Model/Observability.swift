/// Tracing, the collector, logs, dashboards and the spec's own alerts.
public struct Observability: Equatable, Sendable {
    /// `observability.tracing`: Jaeger and Tempo.
    public struct Tracing: Equatable, Sendable {
        /// Share of traces kept.
        public var sampling: Percent
        /// Jaeger.
        public var jaeger: Jaeger
        /// Tempo: replicas, storage and retention.
        public var tempo: Tempo
        /// Where the tracing and each of its keys were written.
        public var source: SourceMap
        /// Tracing, located at the place of the call.
        public init(sampling: Percent, jaeger: Jaeger, tempo: Tempo,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.sampling = sampling
            self.jaeger = jaeger
            self.tempo = tempo
        }
    }
    /// `tracing.jaeger`: Jaeger.
    public struct Jaeger: Equatable, Sendable {
        /// `jaeger.otlp`: the ports Jaeger receives OTLP on.
        public struct OTLP: Equatable, Sendable {
            /// The OTLP gRPC port (default 4317).
            public var grpc: Int
            /// The OTLP HTTP port (default 4318).
            public var http: Int
            /// Where the ports and each of their keys were written.
            public var source: SourceMap
            /// OTLP ports, located at the place of the call.
            public init(grpc: Int = 4317, http: Int = 4318,
                        fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
                self.source = SourceMap(fileID: fileID, line: line, column: column)
                self.grpc = grpc
                self.http = http
            }
        }
        /// Replicas.
        public var replicas: Int
        /// The OTLP ports (default 4317 and 4318).
        public var otlp: OTLP
        /// Where Jaeger and each of its keys were written.
        public var source: SourceMap
        /// Jaeger, located at the place of the call.
        public init(replicas: Int, otlp: OTLP = OTLP(),
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.replicas = replicas
            self.otlp = otlp
        }
    }
    /// Storage-backed components: Tempo and Loki.
    public struct Store: Equatable, Sendable {
        /// Replicas.
        public var replicas: Int
        /// Storage.
        public var storage: ByteSize
        /// How long data is kept.
        public var retention: TimeSpan
        /// Where the store and each of its keys were written.
        public var source: SourceMap
        /// A store, located at the place of the call.
        public init(replicas: Int, storage: ByteSize, retention: TimeSpan,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.replicas = replicas
            self.storage = storage
            self.retention = retention
        }
    }
    /// `tracing.tempo`.
    public typealias Tempo = Store
    /// `logs.loki`.
    public typealias Loki = Store
    /// `observability.collector`: the OpenTelemetry Collector.
    public struct Collector: Equatable, Sendable {
        /// Replicas.
        public var replicas: Int
        /// Spans per batch.
        public var batchSize: Int
        /// The memory limiter's limit.
        public var memoryLimit: ByteSize
        /// Where telemetry goes.
        public var exporters: [Exporter]
        /// Where the collector and each of its keys were written.
        public var source: SourceMap
        /// A collector, located at the place of the call.
        public init(replicas: Int, batchSize: Int, memoryLimit: ByteSize, exporters: [Exporter],
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.replicas = replicas
            self.batchSize = batchSize
            self.memoryLimit = memoryLimit
            self.exporters = exporters
        }
    }
    /// `observability.logs`: Loki, and log collection into it.
    public struct Logs: Equatable, Sendable {
        /// Loki.
        public var loki: Loki
        /// How pods' log lines are parsed.
        public var promtail: Promtail
        /// Where the logs section and each of its keys were written.
        public var source: SourceMap
        /// Logs, located at the place of the call.
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
        /// `parseJson`: parse JSON log lines (YAML default true).
        public var parseJson: Bool
        /// JSON fields made into labels.
        public var extractLabels: [String]
        /// Where the parsing settings and each of their keys were written.
        public var source: SourceMap
        /// Log parsing, located at the place of the call.
        public init(parseJson: Bool, extractLabels: [String],
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.parseJson = parseJson
            self.extractLabels = extractLabels
        }
    }

    /// The namespace of the observability stack.
    public var namespace: String
    /// Jaeger and Tempo; nil: none.
    public var tracing: Tracing?
    /// The OpenTelemetry Collector; nil: none.
    public var collector: Collector?
    /// Loki, and log collection into it; nil: none.
    public var logs: Logs?
    /// Grafana dashboards to publish.
    public var dashboards: [String]
    /// Alerts beside those derived from the SLA.
    public var alerts: [Alert]
    /// `monitorLabels`: labels on every ServiceMonitor, PodMonitor and PrometheusRule, for the
    /// Prometheus that must select them (kube-prometheus-stack selects `release: <its release>`
    /// unless told otherwise).
    public var monitorLabels: [String: String] = [:]
    /// Where the section and each of its keys were written.
    public var source: SourceMap

    /// Observability, located at the place of the call.
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
    /// The alert's severity.
    public enum Severity: String, Equatable, Sendable, CaseIterable {
        /// `critical`, `warning` (YAML default) or `info`.
        case critical, warning, info
    }
    /// The alert's name.
    public var name: String
    /// A PromQL expression.
    public var expr: String
    /// How long it must hold (YAML default 5m).
    public var `for`: TimeSpan
    /// Severity (YAML default warning).
    public var severity: Severity
    /// Where the alert and each of its keys were written.
    public var source: SourceMap
    /// An alert, located at the place of the call.
    public init(name: String, expr: String, for: TimeSpan, severity: Severity,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.expr = expr
        self.for = `for`
        self.severity = severity
    }
}
