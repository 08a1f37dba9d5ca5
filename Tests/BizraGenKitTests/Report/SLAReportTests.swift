import BizraGenKit
import BizraSpec
import Foundation
import Testing

/// The SLA compliance matrix, on real k6 summaries: Fixtures/ holds `--summary-export` files of the
/// generated latency, throughput and concurrency scripts run for 2 s against 127.0.0.1 (short.js
/// wraps a generated script; server.py answers 200 with X-Ihsan-Score; throughput.json ran against
/// `python3 -m http.server`, which refuses the POST endpoint with 501).
@Suite struct SLAReportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    let spec = try! SpecLoader().loadReference()

    func summary(_ name: String) throws -> K6Summary {
        try K6Summary(contentsOf: Self.fixtures.appendingPathComponent("\(name).json").path)
    }

    @Test func readsTheRealK6Format() throws {
        let latency = try summary("latency")
        #expect(latency.scenario == "latency")
        #expect(latency.durations["p(95)"] != nil && latency.durations["med"] != nil)
        #expect(latency.durations["p(99)"] == nil, "k6 leaves p(99) out by default")
        #expect(latency.failedRate == 0 && latency.checksRate == 1)
        #expect(latency.thresholds["http_req_duration"]?["p(99)<200"] == true)
        let throughput = try summary("throughput")
        #expect(throughput.failedRate == 0.5)
        #expect(throughput.thresholds["http_req_failed"]?["rate<0.01"] == false)
        #expect(try summary("concurrency").durations["p(99)"] != nil)
    }

    @Test func passingRunsPassAndTheFailingRunMissesTheErrorRate() throws {
        let passing = SLAReport(sla: spec.sla, environment: "production", summaries: [try summary("latency"), try summary("concurrency")])
        #expect(passing.passed)
        #expect(passing.rows.allSatisfy { $0.status == .pass })
        let failing = SLAReport(sla: spec.sla, environment: "production", summaries: [try summary("throughput")])
        #expect(!failing.passed)
        #expect(failing.blockingMisses.map(\.metric) == ["error rate"])
        #expect(failing.rows.first { $0.metric == "checks passed" }?.status == .missed)
        #expect(failing.rows.first { $0.metric == "p99 latency" }?.measured == "under target (k6 threshold)")
    }

    @Test func targetsComeFromTheSpec() throws {
        var sla = spec.sla
        sla.errorRate = try Percent(parsing: "60%")
        sla.latency.p95 = .milliseconds(1)
        let report = SLAReport(sla: sla, environment: "staging", summaries: [try summary("throughput")])
        let row = try #require(report.rows.first { $0.metric == "p95 latency" })
        #expect(row.target == "< 1ms" && row.status == .missed && row.blocking)
        #expect(report.rows.first { $0.metric == "error rate" }?.status == .pass)
        #expect(report.rows.first { $0.metric == "error rate" }?.target == "< 60%")
    }

    @Test func markdownAndJSON() throws {
        let report = SLAReport(sla: spec.sla, environment: "production", summaries: [try summary("throughput")])
        let markdown = report.markdown
        #expect(markdown.contains("| scenario | metric | target | measured | status |"))
        #expect(markdown.contains("| throughput | error rate | < 1% | 50% | **MISSED** (blocking) |"))
        #expect(markdown.contains("1 blocking target missed"))
        let json = try JSONSerialization.jsonObject(with: JSONSerialization.data(withJSONObject: report.jsonObject)) as? [String: Any]
        #expect(json?["passed"] as? Bool == false)
        #expect((json?["rows"] as? [[String: Any]])?.count == 5)
    }

    @Test func readsTheHandleSummaryFormToo() throws {
        let text = """
            {"metrics": {"http_req_duration": {"type": "trend", "values": {"med": 10, "p(95)": 120, "p(99)": 150}},
                         "http_req_failed": {"type": "rate", "values": {"rate": 0.001}},
                         "checks": {"type": "rate", "values": {"rate": 1}, "thresholds": {"rate>0.99": {"ok": true}}}}}
            """
        let summary = try K6Summary(data: Data(text.utf8), scenario: "latency")
        #expect(summary.durations["p(95)"] == 120 && summary.failedRate == 0.001 && summary.thresholds["checks"]?["rate>0.99"] == true)
        let report = SLAReport(sla: spec.sla, environment: "production", summaries: [summary])
        #expect(report.blockingMisses.map(\.metric) == ["p95 latency"])
        #expect(throws: K6Summary.ReadError.self) { try K6Summary(data: Data("{}".utf8), scenario: "x") }
    }
}
