import BizraSpec

/// Every metric a PromQL query of the spec may read: the series the services declare under
/// `metrics:` (histograms as `_bucket`, `_sum`, `_count`; summaries as the name, `_sum`, `_count`),
/// and those of the exporters the platform runs (kube-state-metrics, cAdvisor, node exporter,
/// Prometheus itself, and the Redis, Varnish, PostgreSQL and Chaos Mesh exporters when the spec
/// deploys them).
public struct MetricCatalogue: Sendable {
    /// A series a service declares.
    public struct Declared: Sendable {
        /// The series name as queried (`http_request_duration_seconds_bucket`).
        public var series: String
        public var metric: Metric
        /// The name of the service that declares it.
        public var serviceName: String
        /// Labels a matcher may use: the declared ones, the scrape target's, and `le`/`quantile`.
        public var labels: [String]
    }

    /// A metric family served by an exporter, by name prefix.
    public struct Exporter: Sendable {
        public var prefix: String
        /// Exactly this name rather than a prefix (`up`).
        public var exact: Bool
        public var name: String
        public var deployed: @Sendable (Spec) -> Bool
    }

    /// Labels Prometheus attaches to every scraped series of a pod.
    public static let targetLabels = ["namespace", "pod", "container", "job", "instance", "service", "endpoint"]

    public static let exporters: [Exporter] = [
        Exporter(prefix: "kube_", exact: false, name: "kube-state-metrics") { _ in true },
        Exporter(prefix: "container_", exact: false, name: "cAdvisor") { _ in true },
        Exporter(prefix: "node_", exact: false, name: "the node exporter") { _ in true },
        Exporter(prefix: "up", exact: true, name: "Prometheus") { _ in true },
        Exporter(prefix: "ALERTS", exact: true, name: "Prometheus") { _ in true },
        Exporter(prefix: "ALERTS_FOR_STATE", exact: true, name: "Prometheus") { _ in true },
        Exporter(prefix: "scrape_", exact: false, name: "Prometheus") { _ in true },
        Exporter(prefix: "redis_", exact: false, name: "the Redis exporter") { $0.caching?.redis?.exporter == true },
        Exporter(prefix: "varnish_", exact: false, name: "the Varnish exporter") { $0.caching?.varnish != nil },
        Exporter(prefix: "cnpg_", exact: false, name: "CloudNativePG") { !$0.databases.isEmpty },
        Exporter(prefix: "pg_", exact: false, name: "the PostgreSQL exporter") { !$0.databases.isEmpty },
        Exporter(prefix: "chaos_mesh_", exact: false, name: "Chaos Mesh") { $0.chaos != nil },
        Exporter(prefix: "chaos_", exact: false, name: "Chaos Mesh") { $0.chaos != nil },
    ]

    /// What a metric name resolves to.
    public enum Resolution: Sendable {
        case declared(Declared)
        /// Served by an exporter the platform runs; its labels are not checked.
        case exporter(Exporter)
        /// Served by an exporter this spec does not deploy.
        case exporterNotDeployed(Exporter)
        case unknown
    }

    public let declared: [Declared]
    /// Where each series name first occurs in `declared`.
    private let firstDeclared: [String: Int]
    private let spec: Spec

    public init(_ spec: Spec) {
        self.spec = spec
        var declared: [Declared] = []
        for service in spec.services {
            for metric in service.metrics {
                let base = metric.labels + Self.targetLabels
                switch metric.type {
                case .counter, .gauge:
                    declared.append(Declared(series: metric.name, metric: metric, serviceName: service.name, labels: base))
                case .histogram:
                    declared.append(Declared(series: metric.name + "_bucket", metric: metric, serviceName: service.name, labels: base + ["le"]))
                    for suffix in ["_sum", "_count"] {
                        declared.append(Declared(series: metric.name + suffix, metric: metric, serviceName: service.name, labels: base))
                    }
                case .summary:
                    declared.append(Declared(series: metric.name, metric: metric, serviceName: service.name, labels: base + ["quantile"]))
                    for suffix in ["_sum", "_count"] {
                        declared.append(Declared(series: metric.name + suffix, metric: metric, serviceName: service.name, labels: base))
                    }
                }
            }
        }
        self.declared = declared
        firstDeclared = Dictionary(declared.enumerated().map { ($0.element.series, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// The declared series names, for did-you-mean.
    public var declaredNames: [String] { declared.map(\.series) }

    /// The first declaration of the series `name`.
    public func declared(_ name: String) -> Declared? {
        firstDeclared[name].map { declared[$0] }
    }

    public func resolve(_ name: String) -> Resolution {
        if let found = declared(name) { return .declared(found) }
        let exporter = Self.exporters.first { $0.exact ? name == $0.prefix : name.hasPrefix($0.prefix) }
        guard let exporter else { return .unknown }
        return exporter.deployed(spec) ? .exporter(exporter) : .exporterNotDeployed(exporter)
    }
}
