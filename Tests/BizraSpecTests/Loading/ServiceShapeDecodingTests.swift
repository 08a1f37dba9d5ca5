import BizraSpec
import Testing

/// The keys of the format's newer shapes decode to the model, and their mistakes are located findings.
@Suite struct ServiceShapeDecodingTests {
    static let base = """
        version: 1
        platform: { name: shop, environment: staging, namespace: shop, domain: shop.example.com }
        sla: { latency: { p50: 50ms, p95: 100ms, p99: 200ms }, errorRate: 1%, throughput: { peak: 100rps, sustained: 50rps } }

        """

    static func load(_ text: String) throws(SpecError) -> Spec { try SpecLoader().load(text: base + text, file: "spec.yaml") }

    static func findings(_ text: String) -> [Finding] { Fixtures.findings(loading: base + text) }

    static let service = """
        services:
          - name: worker
            image: ghcr.io/shop/worker:1.0.0
            resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { cpu: 200m, memory: 256Mi } }

        """

    @Test func everyProbeKindDecodes() throws {
        let spec = try Self.load(Self.service + """
                ports: [{ name: grpc, port: 50051 }]
                probes:
                  startup: { tcpSocket: grpc, period: 5s }
                  readiness: { grpc: grpc, service: ready }
                  liveness: { exec: [worker, check] }
            """)
        let probes = try #require(spec.services.first?.probes)
        #expect(probes.startup?.check == .tcp(port: "grpc"))
        #expect(probes.readiness.check == .grpc(port: "grpc", service: "ready"))
        #expect(probes.liveness.check == .exec(command: ["worker", "check"]))
        #expect(spec.services.first?.isWorker == false)
    }

    @Test func aProbeThatChecksTwoWaysIsALocatedSPEC002() {
        let findings = Self.findings(Self.service + """
                probes:
                  readiness: { path: /ready, port: http, exec: [check] }
                  liveness: { exec: [check] }
            """)
        let finding = findings.first { $0.rule == "SPEC002" }
        #expect(finding?.message.contains("a probe checks one way") == true)
        #expect(finding?.location?.line == 9, "at the second way, on the readiness line")
    }

    @Test func aKeyOfAnotherWayToCheckIsALocatedSPEC002() {
        let findings = Self.findings(Self.service + """
                ports: [{ name: http, port: 8080 }]
                probes:
                  readiness: { tcpSocket: http, port: http }
                  liveness: { exec: [check] }
            """)
        #expect(findings.map(\.rule) == ["SPEC002"])
        #expect(findings.first?.message.contains("'port' does nothing") == true && findings.first?.location?.line == 10)
    }

    @Test func externalEndpointsNeedAHostOrCIDRsAndRefuseBadOnes() {
        let missing = Self.findings("external:\n  - { name: smtp, port: 587 }\n")
        #expect(missing.map(\.rule) == ["SPEC003"])
        #expect(missing.first?.location?.line == 5)
        #expect(Self.findings("external:\n  - { name: smtp, cidrs: [], port: 587 }\n").map(\.rule) == ["SPEC003"])
        let bad = Self.findings("external:\n  - { name: smtp, cidrs: [198.51.100.0/33], port: 587 }\n  - { name: api, host: \"api example\", port: 443 }\n")
        #expect(bad.map(\.rule) == ["SPEC002", "SPEC002"])
        #expect(bad.map { $0.location?.line } == [5, 6])
    }

    @Test func routesAndBareSharesDecodeAndAPathMustBeAbsolute() throws {
        let spec = try Self.load(Self.service + """
                ports: [{ name: http, port: 8080 }]
                probes: { readiness: { path: /ready, port: http }, liveness: { tcpSocket: http } }
                capacity: { rpsPerReplica: 50, share: 40% }
            routes:
              - { host: api.shop.example.com, path: /v1, service: worker, share: 60% }
            """)
        #expect(spec.routes.first?.host == "api.shop.example.com" && spec.routes.first?.share == Percent(60))
        #expect(spec.services.first?.capacity?.share == Percent(40))
        #expect(Self.findings("routes:\n  - { path: v1, service: web }\n").map(\.rule) == ["SPEC002"])
    }

    @Test func replicationTakesOneDatabaseOrAList() throws {
        let regions = """
            regions:
              primary: a
              dns: { provider: route53, zone: shop.example.com, ttl: 60s, healthCheck: { path: /health, interval: 30s, failureThreshold: 3 } }
              list: [{ name: a, weight: 100 }, { name: b, weight: 0, standby: true }]
              replication:
                postgres:
                  - { source: orders, replicas: [b], lagAlert: 5s }
                  - { source: events, replicas: [b], lagAlert: 30s }

            """
        let spec = try Self.load(regions + Self.service + """
                ports: [{ name: http, port: 8080 }]
                probes: { readiness: { path: /ready, port: http }, liveness: { path: /live, port: http } }
                secrets: { store: vault, keys: { TOKEN: shop/token } }
            """)
        #expect(spec.regions?.replication.postgres.map(\.source) == ["orders", "events"])
        #expect(spec.regions?.databaseReplication(of: "events")?.lagAlert == .seconds(30))
    }
}
