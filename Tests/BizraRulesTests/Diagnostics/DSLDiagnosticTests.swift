import BizraRules
import BizraSpec
import Testing

/// A spec written in the DSL gets the findings a YAML spec gets, each at the Swift line of the
/// value it is about; a unit literal that does not parse is SPEC002 there, never a trap.
@Suite struct DSLDiagnosticTests {
    @Test func aReferenceMistakeIsLocatedAtTheServiceInitialiser() throws {
        let serviceLine = #line + 2
        let spec = try SmallDSLPlatform.spec(
            Service(name: "web", image: "ghcr.io/example/web:1.0.0", ports: [Port(name: "http", port: 8080)],
                    resources: SmallDSLPlatform.resources, probes: SmallDSLPlatform.probes,
                    dependsOn: ["postgress"]))
        let found = try #require(SpecChecker().check(spec).first { $0.rule == "REF001" })
        #expect(found.location?.file == #fileID)
        #expect(found.location?.line == serviceLine)
        #expect(found.description.hasPrefix("\(#fileID):\(serviceLine):20: error[REF001]: "), "at the initialiser's parenthesis")
        #expect(found.message.contains("did you mean 'postgres'"))
        #expect(found.notes.first?.location == SmallDSLPlatform.database.source.node, "the note points at the database's initialiser")
    }

    @Test func everyBadLiteralIsSPEC002AtItsInitialiserAndNothingTraps() throws {
        let line = #line + 2
        let spec = try SmallDSLPlatform.spec(
            sla: SLA(latency: .init(p50: "50ms", p95: "100 ms", p99: "500ms"), errorRate: "1%",
                     throughput: .init(peak: "200rps", sustained: "100rps"), cache: .init(latency: "1ms", hitRate: "110%")),
            Service(name: "web", image: "ghcr.io/example/web:1.0.0", ports: [Port(name: "http", port: 8080)],
                    resources: SmallDSLPlatform.resources, probes: SmallDSLPlatform.probes,
                    volumes: [Volume(name: "data", mountPath: "/data", size: "2GB")]))
        let found = SpecChecker().check(spec)
        #expect(found.map(\.rule) == ["SPEC002", "SPEC002", "SPEC002"], "the spec is checked no further: \(found)")
        #expect(found.map { $0.location?.line } == [line, line + 1, line + 4], "each at its initialiser, sorted by line")
        #expect(found.allSatisfy { $0.location?.file == #fileID && $0.severity == .error })
        #expect(found.map(\.message) == ["'100 ms' is not \(TimeSpan.expected)", "'110%' is above 100%",
                                          "'2GB' is not \(ByteSize.expected) (binary units Ki, Mi, Gi, Ti)"])
        #expect(found.first { $0.message.hasPrefix("'2GB'") }?.notes.map(\.message) == ["expected \(ByteSize.expected)"])
    }

    @Test func aLiteralInsideACaseIsFoundAtItsValue() throws {
        var spec = try SpecLoader().loadReference()
        let line = #line + 1
        spec.chaos?.experiments.append(ChaosExperiment(name: "slow", .networkDelay(latency: "1 s", jitter: nil), duration: "2m"))
        spec.sla.latency.p95 = "5 minutes"
        let found = SpecChecker().check(spec)
        #expect(found.count == 2)
        #expect(found.contains { $0.location == SourceLocation(file: #fileID, line: line, column: 55) })
        #expect(found.contains { $0.location == spec.sla.latency.source.node && $0.location?.file.hasSuffix(".yaml") == true },
                "a value read from YAML and changed in Swift is reported at its YAML place")
    }

    @Test func findingsSortByLine() throws {
        let spec = try SmallDSLPlatform.spec(
            Service(name: "api", image: "ghcr.io/example/api:1.0.0", ports: [Port(name: "http", port: 8080)],
                    resources: SmallDSLPlatform.resources, probes: SmallDSLPlatform.probes, dependsOn: ["nowhere"]),
            Service(name: "web", image: "ghcr.io/example/web:1.0.0", ports: [Port(name: "http", port: 8080)],
                    resources: SmallDSLPlatform.resources, probes: SmallDSLPlatform.probes, dependsOn: ["elsewhere"]))
        let lines = SpecChecker().check(spec).filter { $0.rule == "REF001" }.compactMap { $0.location?.line }
        #expect(lines.count == 2 && lines == lines.sorted())
    }

    @Test func theSmallPlatformIsClean() throws {
        let spec = try SmallDSLPlatform.spec(
            Service(name: "web", image: "ghcr.io/example/web:1.0.0", ports: [Port(name: "http", port: 8080)],
                    resources: SmallDSLPlatform.resources, probes: SmallDSLPlatform.probes, dependsOn: ["postgres"],
                    metrics: SmallDSLPlatform.metrics))
        #expect(SpecChecker().check(spec).filter { $0.severity == .error } == [])
    }
}

/// A small platform in the DSL: one service (given by the test, so that it is located there) and a database.
enum SmallDSLPlatform {
    static let database = Database(name: "postgres", version: "16", instances: 1, storage: .gibibytes(10), resources: resources)
    static let resources = Resources(requests: .init(cpu: .millicores(100), memory: .mebibytes(128)),
                                     limits: .init(cpu: .millicores(500), memory: .mebibytes(256)))
    static let probes = Probes(readiness: Probe(path: "/ready", port: "http"), liveness: Probe(path: "/health", port: "http"))
    static let metrics = [Metric(name: "http_request_duration_seconds", type: .histogram, labels: ["method", "route", "status"]),
                          Metric(name: "http_requests_total", type: .counter, labels: ["method", "route", "status"])]
    static let sla = SLA(latency: .init(p50: .milliseconds(50), p95: .milliseconds(200), p99: .milliseconds(500)),
                         errorRate: .percent(1), throughput: .init(peak: .perSecond(200), sustained: .perSecond(100)))

    /// The platform with `services`, and `sla` unless one is given.
    static func spec(sla: SLA? = nil, _ services: Service...) throws -> Spec {
        try Spec {
            Platform(name: "shop", environment: "staging", namespace: "shop-staging", domain: "shop.example.com")
            sla ?? Self.sla
            services
            database
        }
    }
}
