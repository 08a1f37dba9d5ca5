import BizraGenKit
import BizraSpec
import Foundation
import Testing

/// Every threshold, TTL, schedule or count in the output comes from the one place the spec
/// states it: changing that value changes exactly the outputs derived from it.
@Suite struct SingleSourceTests {
    func changedFiles(_ overlay: String) throws -> Set<String> {
        let base = try BuildPipeline().plan(try SpecLoader().loadReference())
        let changed = try BuildPipeline().plan(try SpecLoader().loadReference(overlay: ("change.yaml", overlay)))
        #expect(Set(base.files.keys) == Set(changed.files.keys))
        return Set(base.files.keys.filter { base.files[$0] != changed.files[$0] })
    }

    @Test func p95ChangesTheAlertTheK6ThresholdsAndNothingElse() throws {
        let files = try changedFiles("sla: { latency: { p95: 120ms } }\n")
        #expect(files == Set(Self.everyCluster("05-monitoring.yaml")).union(["monitoring/sla-rules.yaml", "monitoring/sla-rules.test.yaml",
                          "k6/latency.js", "k6/throughput.js", "k6/concurrency.js", "k6/stress.js"]))
        let base = try BuildPipeline().plan(try SpecLoader().loadReference())
        let changed = try BuildPipeline().plan(try SpecLoader().loadReference(overlay: ("change.yaml", "sla: { latency: { p95: 120ms } }\n")))
        let script = String(decoding: changed.files["k6/latency.js"]!, as: UTF8.self)
        #expect(script.contains("p(95)<120"))
        let rules = String(decoding: try #require(changed.files["clusters/eu-west-1/k8s/05-monitoring.yaml"]), as: UTF8.self)
        #expect(rules.contains("> 0.12"))
        #expect(!String(decoding: try #require(base.files["clusters/eu-west-1/k8s/05-monitoring.yaml"]), as: UTF8.self).contains("> 0.12"))
    }

    @Test func aVarnishTTLChangesTheVCLAndItsConfigMapOnly() throws {
        let files = try changedFiles("caching: { varnish: { rules: [{ name: api, match: \"^/api/\", ttl: 10m }] } }\n")
        #expect(files == Set(["varnish/default.vcl"] + Self.everyCluster("07-performance-optimization.yaml")))
    }

    @Test func theBackupScheduleChangesTheCronJobOnly() throws {
        let files = try changedFiles("regions: { backup: { schedule: \"*/10 * * * *\" } }\n")
        #expect(files == ["clusters/us-east-1/k8s/09-multi-region-deployment.yaml"], "the backup runs in the primary region only")
    }

    /// The file in every cluster of the reference platform.
    static func everyCluster(_ file: String) -> [String] {
        ["us-east-1", "eu-west-1", "ap-southeast-1", "ap-northeast-1"].map { "clusters/\($0)/k8s/\(file)" }
    }
}
