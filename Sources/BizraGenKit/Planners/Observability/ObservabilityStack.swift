import BizraSpec

/// Names, ports and pinned images of the observability components, so that other planners
/// (NetworkPolicies, service telemetry settings) address them the same way.
public enum ObservabilityStack {
    /// Jaeger v2's `OpenTelemetryCollector`; the operator names its Service `jaeger-collector`.
    public static let jaeger = "jaeger"
    /// The Jaeger operator's collector Service.
    public static let jaegerCollectorService = "jaeger-collector"
    /// The `OpenTelemetryCollector` custom resource; the operator names its Service `otel-collector`.
    public static let collector = "otel"
    /// The collector's Service, where services send OTLP.
    public static let collectorService = "otel-collector"
    /// Port of the collector's Prometheus exporter.
    public static let collectorPrometheusPort = 8889
    public static let loki = "loki"
    public static let lokiHTTPPort = 3100
    /// Grafana Alloy, which collects the pods' logs (`observability.logs.promtail`).
    public static let logCollector = "alloy"
    public static let logCollectorHTTPPort = 12345
    public static let tempo = "tempo"
    public static let tempoHTTPPort = 3200
    /// Where Tempo's metrics generator remote-writes and where KEDA queries: `platform.cluster.prometheus.url`
    /// (by default the Prometheus Operator's Service in `monitoring`).
    public static func prometheusURL(_ spec: Spec) -> String { spec.platform.cluster.prometheus.url }

    /// The port an `http://` or `https://` URL connects to: the one it names, else the scheme's.
    public static func port(of url: String) -> Int {
        let secure = url.hasPrefix("https://")
        let authority = url.drop { $0 != "/" }.drop { $0 == "/" }.prefix { $0 != "/" }
        guard let colon = authority.lastIndex(of: ":"), let port = Int(authority[authority.index(after: colon)...]) else { return secure ? 443 : 80 }
        return port
    }

    /// Pinned images.
    public enum Images {
        /// Jaeger v2 (jaegertracing/jaeger `CHANGELOG.md`, v2.20.0 of 2026-07-19).
        public static let jaeger = "jaegertracing/jaeger:2.20.0"
        public static let collector = "otel/opentelemetry-collector-contrib:0.158.0"
        public static let loki = "grafana/loki:3.7.6"
        /// Grafana Alloy (grafana/alloy tag v1.18.1; Promtail, its predecessor, is end of life since 2026-03-02).
        public static let alloy = "grafana/alloy:v1.18.1"
        public static let tempo = "grafana/tempo:2.10.8"
    }

    /// `name.namespace.svc.cluster.local`.
    static func host(_ name: String, _ namespace: String) -> String { "\(name).\(namespace).svc.cluster.local" }
}
