import BizraTestSupport
import BizraSpec
import Foundation
import Testing
@testable import BizraGenKit

@Suite("k6 scripts and the benchmark runner")
struct LoadTestRenderersTests {
    typealias F = ResilienceFixture

    static func scripts(_ spec: Spec = ResilienceFixture.spec) throws -> [String: String] {
        try K6ScriptRenderer().render(PlanContext(spec: spec))
    }

    @Test func oneScriptPerScenario() throws {
        let scripts = try Self.scripts()
        #expect(scripts.keys.sorted() == ["k6/concurrency.js", "k6/latency.js", "k6/stress.js", "k6/throughput.js"])
        let latency = try #require(scripts["k6/latency.js"])
        #expect(latency.contains("import http from 'k6/http';"))
        #expect(latency.contains("import { check } from 'k6';"))
        #expect(latency.contains("const BASE_URL = __ENV.BASE_URL || 'https://api.bizra.ai';"))
        #expect(latency.contains("const HEADERS = { 'X-Ihsan-Check': 'required' };"))
        #expect(latency.contains("const EXPECT_HEADER = 'X-Ihsan-Score';"))
        #expect(latency.contains("{ name: 'validate', method: 'POST', path: '/api/v1/validate', body: '{\"claim\":\"benchmark\"}' }"))
        #expect(latency.contains("{ name: 'health', method: 'GET', path: '/health', body: null }"))
        #expect(!latency.contains("&quot;") && !latency.contains("&#39;"))
        // One request per iteration, so an arrival rate is a request rate.
        #expect(latency.contains("const endpoint = ENDPOINTS[exec.scenario.iterationInTest % ENDPOINTS.length];"))
        #expect(!latency.contains("for (const endpoint"))
        #expect(K6ScriptRenderer.canonicalHeader("x-ihsan-SCORE") == "X-Ihsan-Score")
    }

    @Test func thresholdsComeFromTheSLA() throws {
        let latency = try #require(try Self.scripts()["k6/latency.js"])
        #expect(latency.contains("http_req_duration: ['p(50)<50', 'p(95)<100', 'p(99)<200'],"))
        #expect(latency.contains("http_req_failed: ['rate<0.01'],"))
        #expect(latency.contains("checks: ['rate>0.99'],"))
        var spec = F.spec
        spec.sla.latency.p95 = TimeSpan(milliseconds: 120)
        spec.sla.errorRate = Percent(0.5)
        let changed = try #require(try Self.scripts(spec)["k6/stress.js"])
        #expect(changed.contains("http_req_duration: ['p(50)<50', 'p(95)<120', 'p(99)<200'],"))
        #expect(changed.contains("http_req_failed: ['rate<0.005'],"))
        #expect(changed.contains("checks: ['rate>0.995'],"))
    }

    @Test func arrivalRateScenariosDeriveTheirVUs() throws {
        let scripts = try Self.scripts()
        let latency = try #require(scripts["k6/latency.js"])
        #expect(latency.contains("rate: 1000,\n      timeUnit: '1s',\n      duration: '5m',\n      preAllocatedVUs: 300,\n      maxVUs: 300,"))
        let throughput = try #require(scripts["k6/throughput.js"])
        // 10000 rps × 0.2 s (p99) × 1.2 headroom
        #expect(throughput.contains("preAllocatedVUs: 2400,"))
        #expect(LittlesLaw.virtualUsers(rate: Rate(perSecond: 1000), latency: TimeSpan(milliseconds: 200)) == 240)
        #expect(LittlesLaw.virtualUsers(rate: Rate(perSecond: 1), latency: TimeSpan(milliseconds: 10)) == 1)
        let stress = try #require(scripts["k6/stress.js"])
        #expect(stress.contains("executor: 'ramping-vus',"))
        #expect(stress.contains("{ target: 400, duration: '2m' },\n        { target: 0, duration: '2m' },"))
    }

    @Test(.enabled(if: Tools.isInstalled("k6"), "needs k6: make tools installs it")) func k6AcceptsEveryScript() throws {
        let k6 = try #require(Tools.path("k6"), "k6 is not installed: run make tools")
        let directory = try F.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (path, text) in try Self.scripts().sorted(by: { $0.key < $1.key }) {
            let file = try F.write(text, path, in: directory)
            if let keep = ProcessInfo.processInfo.environment["BIZRA_RESILIENCE_RENDER_DIR"] {
                try F.write(text, path, in: URL(fileURLWithPath: keep))
            }
            let result = try F.run(k6, ["inspect", file])
            #expect(result.status == 0, "\(path): \(result.output)")
            if path == "k6/throughput.js" {
                #expect(result.output.contains("\"preAllocatedVUs\": 2400"), "\(result.output)")
            }
        }
    }

    @Test(.enabled(if: Tools.isInstalled("shellcheck"), "needs shellcheck: make tools installs it")) func benchScriptRunsEveryScenarioInOrder() throws {
        let files = try BenchmarkScriptRenderer().render(PlanContext(spec: F.spec))
        let script = try #require(files["bench/run-benchmarks.sh"])
        #expect(script.hasPrefix("#!/usr/bin/env bash\n"))
        #expect(script.contains("set -euo pipefail"))
        let runs = script.split(separator: "\n").filter { $0.hasPrefix("if ! k6 run") }
        #expect(runs == [
            "if ! k6 run --summary-trend-stats \"avg,min,med,max,p(90),p(95),p(99)\" --summary-export \"$OUT/latency.json\" k6/latency.js; then",
            "if ! k6 run --summary-trend-stats \"avg,min,med,max,p(90),p(95),p(99)\" --summary-export \"$OUT/throughput.json\" k6/throughput.js; then",
            "if ! k6 run --summary-trend-stats \"avg,min,med,max,p(90),p(95),p(99)\" --summary-export \"$OUT/concurrency.json\" k6/concurrency.js; then",
            "if ! k6 run --summary-trend-stats \"avg,min,med,max,p(90),p(95),p(99)\" --summary-export \"$OUT/stress.json\" k6/stress.js; then",
        ])
        let result = try F.shellcheck(script); do {
            #expect(result.status == 0, "\(result.output)")
        }
    }

    /// With a stand-in k6 that fails one scenario: all still run, in order, and the script exits 1.
    @Test func benchScriptReportsFailuresAfterRunningAll() throws {
        let directory = try F.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try BenchmarkScriptRenderer().render(PlanContext(spec: F.spec))
        let bench = try F.write(try #require(files["bench/run-benchmarks.sh"]), "env/bench/run-benchmarks.sh", in: directory, executable: true)
        let log = directory.appendingPathComponent("calls.log").path
        try F.write("""
            #!/bin/sh
            # k6 run --summary-trend-stats STATS --summary-export FILE SCRIPT
            echo "$6 $BASE_URL" >> "\(log)"
            echo '{}' > "$5"
            [ "$6" != "k6/throughput.js" ]

            """, "bin/k6", in: directory, executable: true)
        let path = directory.appendingPathComponent("bin").path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        let result = try F.run("/bin/bash", [bench],
                               environment: ["PATH": path, "BASE_URL": "http://127.0.0.1:9", "OUT": directory.appendingPathComponent("out").path])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("failed scenarios: throughput"))
        let calls = try String(contentsOfFile: log, encoding: .utf8)
        #expect(calls == "k6/latency.js http://127.0.0.1:9\nk6/throughput.js http://127.0.0.1:9\nk6/concurrency.js http://127.0.0.1:9\nk6/stress.js http://127.0.0.1:9\n")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/stress.json").path))
    }
}
