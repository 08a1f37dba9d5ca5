import Testing
import BizraRules
import BizraSpec

/// The DSL's typed forms: values passed where the format takes a name, words of the format's
/// lists as static members, and every list section (external, routes, suppressions) as a
/// component of `Spec { }`. Each builds the same spec as the YAML that writes names and words.
@Suite struct TypedDSLTests {
    static let yaml = """
        version: 1
        platform: { name: shop, environment: staging, namespace: shop-staging, domain: shop.example.com }
        sla:
          latency: { p50: 50ms, p95: 200ms, p99: 500ms }
          errorRate: 1%
          throughput: { peak: 200rps, sustained: 100rps }
        services:
          - name: web
            image: ghcr.io/example/web:1.0.0
            ports: [{ name: http, port: 8080 }]
            resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { cpu: 500m, memory: 256Mi } }
            probes: { readiness: { path: /ready, port: http }, liveness: { tcpSocket: http } }
            dependsOn: [postgres, payments, sessions]
        databases:
          - name: postgres
            version: "16"
            instances: 2
            storage: 10Gi
            resources: { requests: { cpu: 500m, memory: 1Gi }, limits: { cpu: "1", memory: 2Gi } }
        external:
          - { name: payments, host: api.payments.example.com, port: 443 }
        routes:
          - { path: /, service: web, port: http }
        caching:
          redis: { name: sessions, masters: 3, replicasPerMaster: 1, memoryPerNode: 1Gi, maxmemoryPolicy: volatile-lru }
        benchmarks:
          endpoints: [{ name: order, path: /orders, method: POST }]
          scenarios: [{ name: smoke, type: constant-vus, vus: 1, duration: 30s }]
        suppressions:
          - { rule: SLA011, at: benchmarks, reason: the peak is driven by the release pipeline }
        """

    static func dsl(suppressing at: String = "benchmarks") throws -> Spec {
        let http = Port(name: "http", port: 8080)
        let postgres = Database(name: "postgres", version: "16", instances: 2, storage: .gibibytes(10),
                                resources: Resources(requests: .init(cpu: .millicores(500), memory: .gibibytes(1)),
                                                     limits: .init(cpu: .cores(1), memory: .gibibytes(2))))
        let payments = ExternalEndpoint(name: "payments", host: "api.payments.example.com", port: 443)
        let sessions = Redis(name: "sessions", masters: 3, replicasPerMaster: 1, memoryPerNode: .gibibytes(1),
                             maxmemoryPolicy: .volatileLRU)
        let web = Service(name: "web", image: "ghcr.io/example/web:1.0.0", ports: [http],
                          resources: Resources(requests: .init(cpu: .millicores(100), memory: .mebibytes(128)),
                                               limits: .init(cpu: .millicores(500), memory: .mebibytes(256))),
                          probes: Probes(readiness: Probe(path: "/ready", port: http), liveness: Probe(tcpSocket: http)),
                          dependsOn: [postgres, payments, sessions])
        return try Spec {
            Platform(name: "shop", environment: "staging", namespace: "shop-staging", domain: "shop.example.com")
            SLA(latency: .init(p50: .milliseconds(50), p95: .milliseconds(200), p99: .milliseconds(500)),
                errorRate: .percent(1), throughput: .init(peak: .perSecond(200), sustained: .perSecond(100)))
            web
            postgres
            payments
            Route(service: web, port: http)
            Caching(redis: sessions)
            Benchmarks(endpoints: [.init(name: "order", path: "/orders", method: .post)],
                       scenarios: [.init(name: "smoke", .constantVUs(vus: 1, duration: .seconds(30)))])
            Suppression(rule: "SLA011", at: at, reason: "the peak is driven by the release pipeline")
        }
    }

    @Test func typedReferencesWordsAndListSectionsBuildTheYAMLSpec() throws {
        let yaml = try SpecLoader().load(text: Self.yaml)
        let dsl = try Self.dsl()
        #expect(dsl == yaml)
        #expect(dsl.services[0].dependsOn == ["postgres", "payments", "sessions"], "a value stands for its name")
        #expect(dsl.external.map(\.name) == ["payments"])
        #expect(dsl.routes.map(\.service) == ["web"])
        #expect(dsl.suppressions.map(\.rule) == ["SLA011"])
    }

    @Test func aSuppressionInSwiftAcceptsTheWarningsOfThePartItNames() throws {
        let findings = SpecChecker().check(try Self.dsl())
        let accepted = findings.filter { $0.rule == "SLA011" }
        #expect(accepted.count == 1 && accepted.allSatisfy { $0.suppression != nil }, "\(findings)")
        #expect(!findings.contains { $0.rule == "SPEC009" }, "the suppression was used")
        let yaml = SpecChecker().check(try SpecLoader().load(text: Self.yaml))
        #expect(yaml.filter { $0.suppression != nil }.map(\.rule) == ["SLA011"], "as in YAML")
    }

    @Test func aSuppressionInSwiftNamingNothingIsLocated() throws {
        let findings = SpecChecker().check(try Self.dsl(suppressing: "benchmark"))
        let refused = findings.filter { $0.rule == "SPEC002" }
        #expect(refused.count == 1)
        #expect(refused.first?.message.contains("'at: benchmark' names no part of the spec") == true)
        #expect(refused.first?.location?.file == "BizraRulesTests/TypedDSLTests.swift")
    }

    @Test func aSuppressionInSwiftNeedsARuleAndAReason() throws {
        var spec = try Self.dsl()
        let line = #line + 1
        spec.suppressions = [Suppression(rule: "cache4", reason: " ")]
        let refused = SpecChecker().check(spec).filter { $0.rule == "SPEC002" }
        #expect(refused.map(\.message) == ["'cache4' is not a rule identifier such as CACHE004 (`bizra-gen rules` lists them)",
                                            "a suppression needs its reason: say why the warning is accepted"])
        #expect(refused.allSatisfy { $0.location?.line == line })
    }

    @Test func aWordIsTheSameAsItsLiteral() {
        let typed = Redis(name: "r", masters: 3, replicasPerMaster: 0, memoryPerNode: .gibibytes(1), maxmemoryPolicy: .allkeysLFU)
        let literal = Redis(name: "r", masters: 3, replicasPerMaster: 0, memoryPerNode: "1Gi", maxmemoryPolicy: "allkeys-lfu")
        #expect(typed == literal)
        #expect(Redis.EvictionPolicy.allowedWords.contains("volatile-ttl"))
        #expect(!Redis.EvictionPolicy(rawValue: "allkeys-lur").isKnown, "a misspelt literal is a value the checks refuse, not a trap")
    }

    @Test func backupIncludesAreWordsOrTheValuesTheyName() {
        let postgres = Database(name: "ledger", version: "16", instances: 1, storage: .gibibytes(1),
                                resources: Resources(requests: .init(cpu: .millicores(100), memory: .mebibytes(256)),
                                                     limits: .init(cpu: .millicores(200), memory: .mebibytes(512))))
        let backup = Regions.Backup(schedule: "0 * * * *", bucket: "s3://dr", replicateTo: [],
                                    include: [.kubernetesResources, .database(postgres), "redis-snapshots"])
        #expect(backup.include == ["kubernetes-resources", "ledger", "redis-snapshots"])
    }
}

extension TypedDSLTests {
    @Test func aVersionThisBizraGenDoesNotReadIsRefusedInSwiftToo() throws {
        let line = #line + 1
        let spec = try Spec(version: 2) {
            Platform(name: "shop", environment: "staging", namespace: "shop-staging", domain: "shop.example.com")
            SLA(latency: .init(p50: .milliseconds(50), p95: .milliseconds(200), p99: .milliseconds(500)),
                errorRate: .percent(1), throughput: .init(peak: .perSecond(200), sustained: .perSecond(100)))
        }
        let found = SpecChecker().check(spec)
        #expect(found.map(\.rule) == ["SPEC006"], "\(found)")
        #expect(found.first?.location?.line == line)
    }
}

extension TypedDSLTests {
    @Test func theValuesInsideTriggersAndExperimentsStandForTheirNames() {
        let queue = Redis(name: "queue", masters: 3, replicasPerMaster: 0, memoryPerNode: .gibibytes(1))
        let data = Volume(name: "data", mountPath: "/data", size: .gibibytes(1))
        let http = Port(name: "http", port: 8080)
        #expect(Trigger.Kind.redis(list: "jobs", length: 10, connection: queue) == .redis(list: "jobs", length: 10, connection: "queue"))
        #expect(ChaosExperiment.Kind.ioDelay(delay: .milliseconds(100), percent: .percent(50), volume: data)
                    == .ioDelay(delay: .milliseconds(100), percent: .percent(50), volume: "data"))
        #expect(ChaosExperiment.Kind.httpAbort(port: http, path: "/api") == .httpAbort(port: "http", path: "/api"))
    }
}
