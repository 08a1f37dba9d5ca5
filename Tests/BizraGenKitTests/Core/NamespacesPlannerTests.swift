import BizraSpec
import Testing
@testable import BizraGenKit

@Suite struct NamespacesPlannerTests {
    let objects = NamespacesPlanner().objects(for: CoreFixture.context)

    @Test func namespacesOfThePlatformEnforceRestrictedPodSecurity() throws {
        #expect(objects.coreNames(of: "Namespace") == ["bizra-production", "chaos-testing", "observability"])
        let services = try #require(objects.coreObject("Namespace", "bizra-production"))
        #expect(services.labels["pod-security.kubernetes.io/enforce"] == "restricted")
        #expect(objects.coreObject("Namespace", "chaos-testing")?.labels["pod-security.kubernetes.io/enforce"] == "restricted")
        // The log collector reads logs through the API, so its namespace needs no `privileged` level.
        let observability = try #require(objects.coreObject("Namespace", "observability"))
        #expect(observability.labels["pod-security.kubernetes.io/enforce"] == "restricted")
    }

    @Test func namespacesFollowTheSpec() {
        var spec = CoreFixture.spec
        spec.chaos = nil
        spec.observability?.logs = nil
        let objects = NamespacesPlanner().objects(for: PlanContext(spec: spec))
        #expect(objects.coreNames(of: "Namespace") == ["bizra-production", "observability"])
        #expect(objects.coreObject("Namespace", "observability")?.labels["pod-security.kubernetes.io/enforce"] == "restricted")
    }

    @Test func resourceQuotaIsTheSpecsQuota() throws {
        let quota = try #require(objects.first { $0.kind == "ResourceQuota" })
        #expect(quota.namespace == "bizra-production")
        let hard = quota.coreField("spec", "hard")
        #expect(hard?["requests.cpu"] == "64")
        #expect(hard?["requests.memory"] == "128Gi")
        #expect(hard?["limits.cpu"] == "160")
        #expect(hard?["limits.memory"] == "256Gi")
        #expect(hard?["pods"] == "200")
    }

    @Test func limitRangeDefaultsComeFromTheServices() throws {
        let limitRange = try #require(objects.first { $0.kind == "LimitRange" })
        let item = limitRange.coreField("spec", "limits")?[0]
        #expect(item?["type"] == "Container")
        #expect(item?["defaultRequest"]?["cpu"] == "500m")
        #expect(item?["default"]?["memory"] == "2Gi")
    }

    @Test func priorityClassesWithTheirDefault() throws {
        #expect(objects.coreNames(of: "PriorityClass") == ["bizra-critical", "bizra-high", "bizra-normal"])
        let critical = try #require(objects.coreObject("PriorityClass", "bizra-critical"))
        #expect(critical.namespace == nil)
        #expect(critical.coreField("value") == 1_000_000)
        #expect(critical.coreField("globalDefault") == false)
        #expect(critical.coreField("description") == "services the ihsan score depends on")
        #expect(objects.coreObject("PriorityClass", "bizra-normal")?.coreField("globalDefault") == false,
                "the platform's default is not the whole cluster's")
    }
}
