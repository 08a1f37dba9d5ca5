import BizraRules
import BizraSpec
import Testing

/// What a user reads: each diagnostic points at the wrong value, says what would be right, and
/// notes the other end.
@Suite struct RuleDiagnosticTests {
    func findings(_ rule: String, _ overlay: String) -> [Finding] {
        RuleExample.overlay(overlay).findings().filter { $0.rule == rule }
    }

    @Test func unresolvedTargetSuggestsTheServiceAndPointsAtIt() throws {
        let found = try #require(findings("REF001", "chaos: { target: bizra-nod0 }\n").first)
        #expect(found.message == "chaos target 'bizra-nod0' is not a declared service; did you mean 'bizra-node0'?")
        #expect(found.location == SourceLocation(file: "example.yaml", line: 1, column: 18))
        #expect(found.notes.first?.message == "'bizra-node0' is declared here")
        #expect(found.notes.first?.location?.file != "example.yaml")
    }

    @Test func capacityShortfallNamesTheReplicasNeeded() throws {
        let found = try #require(findings("SLA007", "services:\n  - { name: bizra-node0, autoscaling: { max: 10 } }\n").first)
        #expect(found.message == "region us-east-1 carries 70% × 10000rps = 7000rps, but bizra-node0 tops out at 10 replicas × 400rps = 4000rps; it needs at least 18 replicas")
        #expect(found.location?.line == 2)
        #expect(found.notes.map(\.message).contains("the peak is 10000rps here"))
    }

    @Test func backupGapIsMeasuredAgainstTheRPO() throws {
        let found = try #require(findings("SLA005", "regions: { backup: { schedule: \"0 */6 * * *\" } }\n").first)
        #expect(found.message.contains("leaves up to 6h between backups, more than sla.recovery.rpo 15m"))
        #expect(found.notes.first?.message == "the rpo is 15m here")
    }

    @Test func lagAlertBelowTheTargetIsOnlyAWarning() throws {
        let found = try #require(findings("SLA004", "regions: { replication: { redis: { lagAlert: 50ms } } }\n").first)
        #expect(found.severity == .warning)
        let above = try #require(findings("SLA004", "regions: { replication: { postgres: { lagAlert: 30m } } }\n").first)
        #expect(above.severity == .error)
    }

    @Test func unknownMetricSuggestsTheDeclaredOne() throws {
        let found = try #require(findings("REF003", "observability:\n  alerts:\n    - { name: A, expr: 'rate(http_request_total[5m]) > 1', for: 1m, severity: info }\n").first)
        #expect(found.message == "alert 'A', column 6: no component exports metric 'http_request_total'; did you mean 'http_requests_total'?")
        #expect(found.notes.first?.message == "'http_requests_total' is declared by bizra-node0 here")
    }

    @Test func aBroaderRuleBeforeANarrowerOneWarns() throws {
        // Named lists merge by name: new rules land after the reference's `^/api/`.
        let found = try #require(findings("CACHE002", """
            caching:
              varnish:
                rules:
                  - { name: static-api-v2, match: "^/api/v2/static", ttl: 1h }
            """).first)
        #expect(found.severity == .warning)
        #expect(found.message.hasPrefix("cache rule 'static-api-v2' (\"^/api/v2/static\") can never match: the earlier rule 'api' (\"^/api/\")"))
        #expect(found.notes.first?.message == "'api' matches first, here")
    }

    @Test func quotaMessageShowsTheSum() throws {
        let found = try #require(findings("RES002", "platform: { quota: { requests: { cpu: \"20\" } } }\n").first)
        #expect(found.message.hasPrefix("quota requests.cpu 20 cannot hold every workload at its maximum: 50 × 500m (service bizra-node0) + 3 × 1 (database postgres)"))
        #expect(found.message.hasSuffix("= 30.7; raise it to at least 31 or lower the maximums"))
    }
}
