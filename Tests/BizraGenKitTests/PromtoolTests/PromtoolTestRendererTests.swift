import BizraSpec
import Testing
@testable import BizraGenKit

@Suite("promtool unit tests of the SLA alerts")
struct PromtoolTestRendererTests {
    @Test("writes the rule file and its tests")
    func paths() throws {
        let files = try PromtoolFixture.render(try PromtoolFixture.reference())
        #expect(Set(files.keys) == [PromtoolTestRenderer.rulesPath, PromtoolTestRenderer.testsPath])
        #expect(files[PromtoolTestRenderer.testsPath]!.contains("rule_files:\n  - sla-rules.yaml\n"))
    }

    @Test("the rule file holds the SLA group of manifest 05, unchanged")
    func rulesAreDeployedOnes() throws {
        let context = PlanContext(spec: try PromtoolFixture.reference())
        let deployed = MonitoringPlanner().objects(for: context).first { $0.kind == "PrometheusRule" && $0.name == "bizra-sla" }
        let groups = PromtoolTestRenderer.ruleGroups(context, alerts: SLAAlerts.derive(from: context.spec))
        #expect(groups == deployed?.body["spec"]?["groups"]?.listValue)
    }

    @Test("every derived alert has a breaching and a compliant case")
    func everyAlertCovered() throws {
        for spec in [try PromtoolFixture.reference(), try PromtoolFixture.variant()] {
            let alerts = SLAAlerts.derive(from: spec)
            #expect(!alerts.isEmpty)
            for alert in alerts {
                #expect(SLAAlertSeries.make(for: alert, spec: spec) != nil, "no series for \(alert.name)")
            }
            let groups = PromtoolTestRenderer.ruleGroups(PlanContext(spec: spec), alerts: alerts)
            let tests = PromtoolTestRenderer.tests(alerts: alerts, groups: groups, spec: spec)
            #expect(tests["tests"]?.listValue?.count == alerts.count * 2)
        }
    }

    @Test("the series follow the SLA targets of the spec")
    func seriesFollowSpec() throws {
        let reference = try PromtoolFixture.reference()
        let changed = try PromtoolFixture.reference(overlay: "sla:\n  latency: { p50: 60ms, p95: 300ms, p99: 450ms }\n")
        let p95 = { (spec: Spec) in SLAAlerts.derive(from: spec).first { $0.slaPath == "sla.latency.p95" }! }
        let before = SLAAlertSeries.make(for: p95(reference), spec: reference)!
        let after = SLAAlertSeries.make(for: p95(changed), spec: changed)!
        #expect(before.breaching.map(\.selector).contains(#"http_request_duration_seconds_bucket{namespace="bizra-production",le="0.1"}"#))
        #expect(after.breaching.map(\.selector).contains(#"http_request_duration_seconds_bucket{namespace="bizra-production",le="0.3"}"#))
        #expect(before.breachValue == 0.2)
        #expect(after.breachValue == 0.6)
    }

    @Test("the variant's status label and namespace reach the error-rate series")
    func variantLabels() throws {
        let variant = try PromtoolFixture.variant()
        let alert = SLAAlerts.derive(from: variant).first { $0.slaPath == "sla.errorRate" }!
        let series = SLAAlertSeries.make(for: alert, spec: variant)!
        #expect(series.breaching.map(\.selector) == [
            #"http_requests_total{namespace="orchard-staging",code="500"}"#,
            #"http_requests_total{namespace="orchard-staging",code="200"}"#,
        ])
        #expect(series.breachValue == 0.01)   // twice sla.errorRate = 0.5%
    }

    @Test("the ihsan score fires below the minimum and not at it")
    func gaugeSides() throws {
        let spec = try PromtoolFixture.variant()
        let alert = SLAAlerts.derive(from: spec).first { $0.slaPath == "sla.ihsanScore.min" }!
        let series = SLAAlertSeries.make(for: alert, spec: spec)!
        #expect(series.breachValue == 89)
        #expect(series.compliant.first?.start == 90)
    }

    @Test("promtool passes the generated tests", .enabled(if: PromtoolFixture.promtool != nil, "promtool is not installed"))
    func promtoolPasses() throws {
        for spec in [try PromtoolFixture.reference(), try PromtoolFixture.variant()] {
            let files = try PromtoolFixture.render(spec)
            let result = try PromtoolFixture.promtoolTest(rules: files[PromtoolTestRenderer.rulesPath]!,
                                                          tests: files[PromtoolTestRenderer.testsPath]!)
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test("the tests catch a rule whose threshold contradicts the SLA",
          .enabled(if: PromtoolFixture.promtool != nil, "promtool is not installed"))
    func promtoolCatchesWrongThreshold() throws {
        let tests = try PromtoolFixture.render(try PromtoolFixture.reference())[PromtoolTestRenderer.testsPath]!
        let loose = try PromtoolFixture.reference(overlay: "sla:\n  latency: { p50: 50ms, p95: 500ms, p99: 900ms }\n")
        let rules = try PromtoolFixture.render(loose)[PromtoolTestRenderer.rulesPath]!
        let result = try PromtoolFixture.promtoolTest(rules: rules, tests: tests)
        #expect(result.status != 0)
        #expect(result.output.contains("SLALatencyP95Breached"))
    }
}
