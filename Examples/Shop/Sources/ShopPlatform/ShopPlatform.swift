import BizraSpec

/// The platform of `bizra-gen init --minimal` (starters/minimal/platform.yaml), value for value:
/// one service, one cluster. `staging` is the base spec; `production` is a Swift environment.
public enum ShopPlatform {
    /// The environments besides the base spec.
    public static let environments = ["production"]

    /// The platform for `environment` (nil: staging, the base spec).
    public static func spec(environment: String?) throws -> Spec {
        let production = environment == "production"
        return try Spec {
            Platform(name: "shop", environment: environment ?? "staging",
                     namespace: production ? "shop-production" : "shop-staging", domain: "shop.example.com")
            SLA(latency: .init(p50: .milliseconds(50), p95: .milliseconds(200), p99: .milliseconds(500)),
                errorRate: .percent(1),
                throughput: .init(peak: .perSecond(production ? 400 : 200), sustained: .perSecond(100)))
            web(replicas: production ? 3 : 2)
        }
    }

    /// The web service, which exports what the SLA alerts query.
    /// `dependsOn` takes what the service talks to, as values (a `Database`, an `ExternalEndpoint`...) or names.
    public static func web(replicas: Int, dependsOn: [any SpecReference] = []) -> Service {
        let http = Port(name: "http", port: 8080)
        return Service(name: "web", image: "ghcr.io/example/web:1.0.0",
                ports: [http, Port(name: "metrics", port: 9090)],
                replicas: replicas,
                resources: Resources(requests: .init(cpu: .millicores(100), memory: .mebibytes(128)),
                                     limits: .init(cpu: .millicores(500), memory: .mebibytes(256))),
                probes: Probes(readiness: Probe(path: "/ready", port: http), liveness: Probe(path: "/health", port: http)),
                dependsOn: dependsOn,
                metrics: [
                    Metric(name: "http_request_duration_seconds", type: .histogram, labels: ["method", "route", "status"]),
                    Metric(name: "http_requests_total", type: .counter, labels: ["method", "route", "status"]),
                ])
    }
}
