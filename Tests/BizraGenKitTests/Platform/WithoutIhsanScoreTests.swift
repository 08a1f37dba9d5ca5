import BizraRules
import BizraSpec
import Foundation
import Testing
@testable import BizraGenKit

/// The reference platform with its ihsan score removed from the SLA: every output that derives
/// from the score is gone and the layouts it shared close up; with the score named by
/// `sla.ihsanScore.metric`, every query reads that gauge.
@Suite struct WithoutIhsanScoreTests {
    typealias F = ResilienceFixture

    static var spec: Spec {
        var spec = F.withoutIhsanScore
        spec.regions?.monitoring.remoteWrite = "https://metrics.example.net/api/v1/write"
        return spec
    }

    /// The reference platform whose score is the gauge `compliance_score`.
    static var renamedScore: Spec {
        var spec = F.spec
        spec.sla.ihsanScore?.metric = "compliance_score"
        spec.services[0].metrics = spec.services[0].metrics.map { metric in
            var metric = metric
            if metric.name == SLA.IhsanScore.defaultMetric { metric.name = "compliance_score" }
            return metric
        }
        spec.regions?.monitoring.remoteWrite = "https://metrics.example.net/api/v1/write"
        return spec
    }

    static func alerts(_ objects: [KubernetesObject]) -> [YAMLValue] {
        objects.filter { $0.kind == "PrometheusRule" }
            .flatMap { ($0.field("spec.groups")?.listValue ?? []).flatMap { $0["rules"]?.listValue ?? [] } }
    }

    static func panels(_ map: KubernetesObject?, _ key: String) throws -> [[String: Any]] {
        let json = try #require(map?.data(key))
        let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(dashboard["panels"] as? [[String: Any]])
    }

    @Test func theSLAAlertsAreLatencyAndErrorRateOnly() {
        #expect(SLAAlerts.derive(from: Self.spec).map(\.slaPath) == ["sla.latency.p95", "sla.latency.p99", "sla.errorRate"])
    }

    @Test func noDerivedAlertReadsTheScore() {
        let context = PlanContext(spec: Self.spec)
        let own = Set(Self.spec.observability?.alerts.map(\.name) ?? [])
        let objects = MonitoringPlanner().objects(for: context) + MultiRegionPlanner().objects(for: context)
            + ChaosEngineeringPlanner().objects(for: context)
        let derived = Self.alerts(objects).filter { !own.contains($0["alert"]?.stringValue ?? "") }
        let names = derived.compactMap { $0["alert"]?.stringValue }
        #expect(names.contains("RegionTrafficImbalance") && names.contains("ChaosVerificationFailed"))
        #expect(!names.contains { $0.contains("Ihsan") }, "\(names)")
        #expect(!derived.contains { $0["expr"]?.stringValue?.contains(SLA.IhsanScore.defaultMetric) == true })
    }

    @Test func theDashboardsHaveNoScorePanelAndNoHole() throws {
        let context = PlanContext(spec: Self.spec)
        let sla = GrafanaDashboard.sla(name: "performance-overview", spec: Self.spec)
        #expect(!sla.panels.contains { $0.title.contains("Ihsan") })
        let map = MultiRegionPlanner().objects(for: context).first { $0.name == "bizra-multi-region-dashboard" }
        let panels = try Self.panels(map, "multi-region.json")
        #expect(panels.map { $0["title"] as? String } == ["Request rate by region", "Replication lag"])
        #expect(panels.map { $0["id"] as? Int } == [1, 2])
        #expect(panels.map { ($0["gridPos"] as? [String: Int]).map { [$0["x"], $0["y"], $0["w"]] } } == [[0, 0, 24], [0, 8, 24]])
    }

    @Test func theCollectorCarriesNoScoreTarget() {
        let keys = CollectorPlan.resourceAttributes(PlanContext(spec: Self.spec)).map(\.0)
        #expect(keys == ["bizra.platform", "bizra.environment"])
    }

    @Test func theReferenceLayoutIsUnchanged() throws {
        let map = MultiRegionPlanner().objects(for: PlanContext(spec: F.spec)).first { $0.name == "bizra-multi-region-dashboard" }
        let panels = try Self.panels(map, "multi-region.json")
        #expect(panels.map { ($0["gridPos"] as? [String: Int]).map { [$0["x"], $0["y"], $0["w"]] } } == [[0, 0, 12], [12, 0, 12], [0, 8, 24]])
    }

    @Test func aRenamedScoreIsReadByEveryDerivedQuery() throws {
        let context = PlanContext(spec: Self.renamedScore)
        #expect(!SpecChecker().check(Self.renamedScore).contains { $0.message.hasPrefix("sla.ihsanScore") },
                "a service declares the renamed gauge")
        let alert = try #require(SLAAlerts.derive(from: Self.renamedScore).first { $0.slaPath == "sla.ihsanScore.min" })
        #expect(alert.query == #"avg(compliance_score{namespace="bizra-production"})"#)
        let objects = MultiRegionPlanner().objects(for: context) + ChaosEngineeringPlanner().objects(for: context)
        let exprs = Self.alerts(objects).compactMap { $0["expr"]?.stringValue }
        #expect(exprs.filter { $0.contains("compliance_score{") }.count == 2, "regional divergence, degraded during chaos")
        #expect(!exprs.contains { $0.contains(SLA.IhsanScore.defaultMetric) })
        let job = F.find(objects, "Job", "resilience-test-verify")
        #expect(F.value(job, "spec.template.spec.containers.0.command.2")?.stringValue?.contains("query='avg(compliance_score{") == true)
    }
}
