import BizraGenCLI
import BizraSpec
import ShopPlatform

/// The shop platform with three mistakes: `validate` reports each at the line that holds it.
@main struct ShopWithMistakes: BizraGenCommand {
    static func spec(environment: String?) throws -> Spec {
        try Spec {
            Platform(name: "shop", environment: "staging", namespace: "shop-staging", domain: "shop.example.com")
            SLA(latency: .init(p50: "50ms", p95: "200ms", p99: "500ms"), errorRate: "1%", throughput: .init(peak: "200rps", sustained: "300rps")) // sustained above peak (SLA003)
            Service(name: "web", image: "ghcr.io/example/web:1.0.0", // dependsOn names no database (REF001)
                    ports: [Port(name: "http", port: 8080),
                            Port(name: "metrics", port: 99999)], // no such port number (SPEC002)
                    resources: Resources(requests: .init(cpu: "100m", memory: "128Mi"), limits: .init(cpu: "500m", memory: "256Mi")),
                    probes: Probes(readiness: Probe(path: "/ready", port: "http"), liveness: Probe(path: "/health", port: "http")),
                    dependsOn: ["postgress"],
                    metrics: [Metric(name: "http_request_duration_seconds", type: .histogram),
                              Metric(name: "http_requests_total", type: .counter, labels: ["status"])])
        }
    }
}
