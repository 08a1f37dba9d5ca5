import BizraSpec
import Foundation
import Testing
@testable import BizraGenKit

@Suite struct MonitoringPlannerTests {
    let objects = MonitoringPlanner().objects(for: CoreFixture.context)

    func rules(_ objects: [KubernetesObject], _ name: String) throws -> [YAMLValue] {
        let rule = try #require(objects.coreObject("PrometheusRule", name))
        return try #require(rule.coreField("spec", "groups")?[0]?["rules"]?.listValue)
    }

    @Test func serviceMonitorScrapesTheMetricsPort() throws {
        let monitor = try #require(objects.coreObject("ServiceMonitor", "bizra-node0"))
        #expect(monitor.coreField("spec", "endpoints")?[0]?["port"] == "metrics")
        #expect(monitor.coreField("spec", "endpoints")?[0]?["interval"] == "15s")
        #expect(monitor.coreField("spec", "selector", "matchLabels") == .map(YAMLMap(sortedKeys: CoreFixture.context.selector(name: "bizra-node0"))))
    }

    @Test func theCachesExportersAreScrapedInEveryClusterWithTheirRegion() throws {
        for region in ["us-east-1", "eu-west-1", "ap-southeast-1", "ap-northeast-1"] {
            let inCluster = objects.filter { $0.placement.includes(region) }
            for name in ["redis-cluster", "varnish", "bizra-node0"] {
                let monitor = try #require(inCluster.coreObject("ServiceMonitor", name), "\(name) in \(region)")
                #expect(monitor.coreField("spec", "endpoints")?[0]?["port"] == "metrics")
                #expect(monitor.coreField("spec", "endpoints")?[0]?["relabelings"]?[0]?["replacement"] == .string(region))
            }
            let database = try #require(inCluster.coreObject("PodMonitor", "postgres"))
            #expect(database.coreField("spec", "podMetricsEndpoints")?[0]?["relabelings"]?[0]?["targetLabel"] == "region")
        }
    }

    @Test func theLogAndTraceStoresAreScrapedToo() throws {
        let inCluster = objects.filter { $0.placement.includes("eu-west-1") }
        for name in ["loki", "tempo"] {
            let monitor = try #require(inCluster.first { $0.kind == "ServiceMonitor" && $0.name == name }, "\(name)")
            #expect(monitor.namespace == "observability")
            #expect(monitor.value("spec.endpoints.0.port") == "http")
            #expect(monitor.value("spec.namespaceSelector.matchNames.0") == "observability")
        }
    }

    @Test func slaAlertsDeriveFromTheSLA() throws {
        let alerts = SLAAlerts.derive(from: CoreFixture.spec)
        #expect(alerts.map(\.name) == ["SLALatencyP95Breached", "SLALatencyP99Breached", "SLAErrorRateBreached", "SLAIhsanScoreBelowMinimum"])
        #expect(alerts.map(\.slaPath) == ["sla.latency.p95", "sla.latency.p99", "sla.errorRate", "sla.ihsanScore.min"])
        #expect(alerts.map(\.threshold) == [0.1, 0.2, 0.01, 95])
        #expect(alerts[0].expr == "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{namespace=\"bizra-production\"}[5m]))) > 0.1")
        #expect(alerts[2].expr == "sum(rate(http_requests_total{namespace=\"bizra-production\",status=~\"5..\"}[5m])) / sum(rate(http_requests_total{namespace=\"bizra-production\"}[5m])) > 0.01")
        #expect(alerts[3].expr == "avg(ahsan_compliance_score{namespace=\"bizra-production\"}) < 95")

        let rules = try rules(objects, "bizra-sla")
        #expect(rules.map { $0["alert"]?.stringValue } == alerts.map(\.name))
        #expect(rules[0]["expr"] == .string(alerts[0].expr))
        #expect(rules[0]["for"] == "5m")
        #expect(rules[1]["labels"]?["severity"] == "critical")
        #expect(rules[0]["annotations"]?["description"]?.stringValue?.contains("sla.latency.p95 = 100ms") == true)
    }

    @Test func alertsExistOnlyForDeclaredMetrics() {
        var spec = CoreFixture.spec
        spec.services[0].metrics.removeAll { $0.name == "ahsan_compliance_score" || $0.name == "http_requests_total" }
        #expect(SLAAlerts.derive(from: spec).map(\.name) == ["SLALatencyP95Breached", "SLALatencyP99Breached"])
        spec.services[0].metrics.removeAll()
        #expect(MonitoringPlanner().objects(for: PlanContext(spec: spec)).coreObject("PrometheusRule", "bizra-sla") == nil)
    }

    @Test func changingP95ChangesItsThresholdAndNothingInManifests01To04() throws {
        var changed = CoreFixture.spec
        changed.sla.latency.p95 = TimeSpan(milliseconds: 150)
        let before = SLAAlerts.derive(from: CoreFixture.spec)
        let after = SLAAlerts.derive(from: changed)
        #expect(after[0].threshold == 0.15)
        #expect(after[0].expr.hasSuffix("> 0.15"))
        #expect(Array(after.dropFirst()) == Array(before.dropFirst()))

        let planners: [any ManifestPlanner] = [NamespacesPlanner(), ConfigSecretsPlanner(), WorkloadsPlanner(), ServicesIngressPlanner()]
        for planner in planners {
            let old = ManifestFile(path: planner.fileName, objects: planner.objects(for: CoreFixture.context)).render()
            let new = ManifestFile(path: planner.fileName, objects: planner.objects(for: PlanContext(spec: changed))).render()
            #expect(old == new, "\(planner.fileName) changed")
        }
        let monitoring = MonitoringPlanner()
        #expect(ManifestFile(path: "", objects: monitoring.objects(for: CoreFixture.context)).render()
            != ManifestFile(path: "", objects: monitoring.objects(for: PlanContext(spec: changed))).render())
    }

    @Test func specAlertsAsWrittenWithoutTrailingLineBreak() throws {
        let rules = try rules(objects, "bizra-alerts")
        #expect(rules.count == 1)
        #expect(rules[0]["alert"] == "HighLatencyWithLowIhsan")
        #expect(rules[0]["expr"] == "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.1\nand on() avg(ahsan_compliance_score) < 95")
        #expect(rules[0]["for"] == "5m")
        #expect(rules[0]["labels"]?["severity"] == "critical")
    }

    @Test func dashboardsAreGrafanaJSONWithSLAThresholds() throws {
        let names = objects.filter { $0.labels["grafana_dashboard"] == "1" }.map(\.name).sorted()
        #expect(names == ["grafana-dashboard-ihsan-compliance", "grafana-dashboard-performance-overview"],
                "multi-region is drawn from the regions by 09")
        let configMap = try #require(objects.coreObject("ConfigMap", "grafana-dashboard-performance-overview"))
        #expect(configMap.namespace == "observability")
        let text = try #require(configMap.coreField("data", "performance-overview.json")?.stringValue)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["uid"] as? String == "performance-overview")
        let panels = try #require(json["panels"] as? [[String: Any]])
        let latency = try #require(panels.first)
        let defaults = (latency["fieldConfig"] as? [String: Any])?["defaults"] as? [String: Any]
        let steps = (defaults?["thresholds"] as? [String: Any])?["steps"] as? [[String: Any]]
        #expect(steps?.compactMap { $0["value"] as? Double } == [0.1, 0.2])
        let targets = try #require(latency["targets"] as? [[String: Any]])
        #expect(targets.compactMap { $0["expr"] as? String }.contains(SLAAlerts.latencyQuery(quantile: "0.95", namespace: "bizra-production")))

        var changed = CoreFixture.spec
        changed.sla.latency.p95 = TimeSpan(milliseconds: 120)
        let changedText = MonitoringPlanner().objects(for: PlanContext(spec: changed))
            .coreObject("ConfigMap", "grafana-dashboard-performance-overview")?.coreField("data", "performance-overview.json")?.stringValue
        #expect(changedText?.contains("\"value\": 0.12") == true)
    }
}
