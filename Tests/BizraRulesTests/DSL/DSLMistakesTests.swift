import BizraRules
import BizraSpec
import Testing

/// The ten mistakes of issue 14, written in the Swift DSL: each is refused at the Swift line of the
/// value that holds it, all in one run, and none reaches a planner.
@Suite struct DSLMistakesTests {
    static let file = "BizraRulesTests/DSLMistakesTests.swift"

    static func resources() -> Resources {
        Resources(requests: .init(cpu: .millicores(100), memory: .mebibytes(128)), limits: .init(cpu: .millicores(500), memory: .mebibytes(256)))
    }

    static func probes() -> Probes { Probes(readiness: Probe(tcpSocket: "http"), liveness: Probe(tcpSocket: "http")) }

    @Test func everyMistakeIsAFindingAtItsSwiftLine() throws {
        var expected: [(rule: String, line: Int)] = []
        func mark(_ rule: String, _ line: Int) { expected.append((rule, line)) }

        mark("SPEC005", #line + 1)
        let platform = Platform(name: "shop", environment: "staging", namespace: "Shop_Staging", domain: "shop.example.com")
        mark("SPEC002", #line + 1)
        let hugePort = Port(name: "http", port: 99999)
        mark("SPEC005", #line + 1)
        let longPortName = Port(name: "metrics-exporter-1", port: 9090)
        mark("SPEC002", #line + 1)
        let hotCPU = Trigger(name: "cpu", .cpu(target: .percent(170)))
        let web = Service(name: "web", image: "ghcr.io/example/web:1.0.0", ports: [hugePort, longPortName],
                          resources: Self.resources(), probes: Self.probes(),
                          autoscaling: Autoscaling(engine: .hpa, min: 2, max: 4, triggers: [hotCPU]))
        mark("SPEC004", #line + 1)
        let secondWeb = Service(name: "web", image: "ghcr.io/example/web:1.0.1", resources: Self.resources(), probes: Self.probes())
        mark("SPEC002", #line + 1)
        let orders = Database(name: "orders", version: "16", instances: -1, storage: .gibibytes(1), resources: Self.resources())
        mark("SPEC004", #line + 1)
        let secondOrders = Database(name: "orders", version: "16", instances: 1, storage: .gibibytes(1), resources: Self.resources())
        mark("SPEC002", #line + 1)
        let redis = Redis(name: "sessions", masters: 3, replicasPerMaster: 1, memoryPerNode: .gibibytes(1), maxmemoryPolicy: "allkeys-lur")
        mark("SPEC002", #line + 1)
        let collector = Observability.Collector(replicas: 1, batchSize: 100, memoryLimit: .mebibytes(256), exporters: [.prometheus, "jaegr"])
        mark("REF001", #line + 1)
        let backup = Regions.Backup(schedule: "0 3 * * *", bucket: "s3://shop-dr", replicateTo: [], include: [.kubernetesResources, "ground-truth-databse"])
        let spec = try Spec {
            platform
            SLA(latency: .init(p50: .milliseconds(50), p95: .milliseconds(200), p99: .milliseconds(500)),
                errorRate: .percent(1), throughput: .init(peak: .perSecond(200), sustained: .perSecond(100)))
            web
            secondWeb
            orders
            secondOrders
            Caching(redis: redis)
            Observability(namespace: "observability", collector: collector)
            Regions(primary: "eu", dns: .init(provider: "route53", zone: "example.com", ttl: .seconds(60),
                                              healthCheck: .init(path: "/health", interval: .seconds(10), failureThreshold: 3)),
                    list: [.init(name: "eu", weight: 100)], backup: backup)
        }
        let findings = SpecChecker().check(spec).filter { $0.severity == .error }
        for (rule, line) in expected {
            #expect(findings.contains { $0.rule == rule && $0.location == SourceLocation(file: Self.file, line: line, column: $0.location?.column ?? 0) },
                    "no \(rule) at line \(line); found \(findings.map { "\($0.location?.description ?? "-") \($0.rule)" })")
        }
        #expect(findings.allSatisfy { $0.location?.file == Self.file }, "every finding is located in this file")
        #expect(findings == findings.sortedByLocation(), "sorted by position")
    }
}
