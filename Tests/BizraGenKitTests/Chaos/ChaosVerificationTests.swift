import BizraTestSupport
import BizraSpec
import Foundation
import Testing
@testable import BizraGenKit

/// The check that ends a chaos run: the ihsan score when the SLA has one, else the SLA's p95
/// latency and error rate, each with the query of its SLA alert.
@Suite struct ChaosVerificationTests {
    typealias F = ResilienceFixture

    /// The reference platform without an ihsan score.
    static var slaOnly: Spec { F.withoutIhsanScore }

    static func verification(_ spec: Spec) -> ChaosVerification {
        ChaosVerification(context: PlanContext(spec: spec), chaos: spec.chaos!)
    }

    @Test func withAnIhsanScoreTheScoreIsChecked() {
        let verification = Self.verification(F.spec)
        #expect(verification.containerName == "verify-ihsan-score")
        #expect(verification.script.contains(#"query='avg(ahsan_compliance_score{namespace="bizra-production"})'"#))
        #expect(verification.shortfall == "below its minimum")
    }

    @Test func withoutOneTheSLAIsCheckedWithTheAlertsQueries() throws {
        let verification = Self.verification(Self.slaOnly)
        #expect(verification.containerName == "verify-sla")
        #expect(verification.shortfall == "outside its SLA")
        let alerts = SLAAlerts.derive(from: Self.slaOnly)
        let p95 = try #require(alerts.first { $0.slaPath == "sla.latency.p95" })
        let errors = try #require(alerts.first { $0.slaPath == "sla.errorRate" })
        #expect(p95.query == #"histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{namespace="bizra-production"}[5m])))"#)
        let lines = verification.script.split(separator: "\n").filter { $0.hasPrefix("check_at_most ") }
        #expect(lines == [
            "check_at_most sla.latency.p95 '\(p95.query)' \"${LATENCY_P95_MAX:-0.1}\"",
            "check_at_most sla.errorRate '\(errors.query)' \"${ERROR_RATE_MAX:-0.01}\"",
        ])
        #expect(errors.query.contains(#"status=~"5..""#))
        #expect(verification.script.hasPrefix("#!/bin/sh\n# Fails when bizra-production misses its SLA after chaos: sla.latency.p95 100ms, sla.errorRate 1%.\nset -eu\n"))
        #expect(!verification.script.lowercased().contains("ihsan"))
    }

    @Test func theWorkflowAndJobRunTheSLACheck() throws {
        let objects = ChaosEngineeringPlanner().objects(for: PlanContext(spec: Self.slaOnly))
        let schedule = try #require(F.find(objects, "Schedule", "resilience-test"))
        let templates = try #require(F.value(schedule, "spec.workflow.templates")?.listValue)
        #expect(templates.first?["children"]?.listValue?.last == "verify-sla")
        #expect(templates.last?["name"] == "verify-sla")
        #expect(F.value(F.find(objects, "Job", "resilience-test-verify"), "spec.template.spec.containers.0.name") == "verify-sla")
        let rule = try #require(F.find(objects, "PrometheusRule", "bizra-chaos"))
        let rules = try #require(F.value(rule, "spec.groups.0.rules")?.listValue)
        #expect(rules.compactMap { $0["alert"]?.stringValue } == ["ChaosExperimentFailed", "ChaosVerificationFailed"])
        #expect(rules.last?["annotations"]?["description"]?.stringValue?.hasSuffix("the verification found the platform outside its SLA after chaos.") == true)
    }

    @Test(.enabled(if: Tools.isInstalled("shellcheck"), "needs shellcheck: make tools installs it")) func theSLAScriptPassesShellcheck() throws {
        let result = try F.shellcheck(Self.verification(Self.slaOnly).script); do {
            #expect(result.status == 0, "\(result.output)")
        }
    }

    /// Runs the script with a stand-in curl that answers each query with the given sample value.
    static func run(p95: String, errorRate: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let directory = try F.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let curl = """
            #!/bin/sh
            case "$*" in
              *histogram_quantile*) value='\(p95)' ;;
              *) value='\(errorRate)' ;;
            esac
            printf '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000.5,"%s"]}]}}' "$value"

            """
        _ = try F.write(curl, "curl", in: directory, executable: true)
        let script = try F.write(verification(slaOnly).script, "verify.sh", in: directory)
        let path = "\(directory.path):" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try F.run("/bin/sh", [script], environment: environment.merging(["PATH": path]) { $1 })
    }

    @Test func theSLAScriptPassesWithinTheTargetsAndFailsBeyondThem() throws {
        let within = try Self.run(p95: "0.08", errorRate: "0.002")
        #expect(within.status == 0, "\(within.output)")
        #expect(within.output.contains("sla.latency.p95 0.08 meets 0.1") && within.output.contains("sla.errorRate 0.002 meets 0.01"))
        let slow = try Self.run(p95: "0.25", errorRate: "0.002")
        #expect(slow.status == 1 && slow.output.contains("sla.latency.p95 0.25 is above 0.1"), "\(slow.output)")
        let failing = try Self.run(p95: "0.08", errorRate: "0.05")
        #expect(failing.status == 1 && failing.output.contains("sla.errorRate 0.05 is above 0.01"), "\(failing.output)")
        let idle = try Self.run(p95: "NaN", errorRate: "NaN")
        #expect(idle.status == 1 && idle.output.contains("no value of sla.latency.p95"), "no requests, nothing to judge by: \(idle.output)")
        let overridden = try Self.run(p95: "0.08", errorRate: "0.05", environment: ["ERROR_RATE_MAX": "0.1"])
        #expect(overridden.status == 0, "\(overridden.output)")
    }
}
