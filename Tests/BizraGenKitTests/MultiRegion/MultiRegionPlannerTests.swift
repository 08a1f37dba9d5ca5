import BizraSpec
import Foundation
import Testing
@testable import BizraGenKit

@Suite("Multi-region deployment (09)")
struct MultiRegionPlannerTests {
    typealias F = ResilienceFixture
    let objects = MultiRegionPlanner().objects(for: PlanContext(spec: ResilienceFixture.spec))

    @Test func externalDNSPublishesToTheSpecZone() throws {
        let deployment = try #require(F.find(objects, "Deployment", "external-dns"))
        let args = try #require(F.value(deployment, "spec.template.spec.containers.0.args")?.listValue)
        #expect(args.contains("--provider=aws")) // route53
        #expect(args.contains("--domain-filter=bizra.ai"))
        #expect(args.contains("--source=crd") && !args.contains("--source=ingress"), "DNSEndpoints are the one source of records")
        #expect(args.contains("--txt-owner-id=bizra-production"))
        let image = try #require(F.value(deployment, "spec.template.spec.containers.0.image")?.stringValue)
        #expect(image.hasPrefix("registry.k8s.io/external-dns/external-dns:v"))
        #expect(F.find(objects, "ServiceAccount", "external-dns") != nil)
        #expect(F.find(objects, "ClusterRole", "bizra-external-dns") != nil)
        #expect(F.value(F.find(objects, "ClusterRoleBinding", "bizra-external-dns"), "roleRef.name") == "bizra-external-dns")
    }

    @Test func eachRegionHasAWeightedIngressAndDNSEndpoint() throws {
        for (region, weight) in [("us-east-1", "70"), ("eu-west-1", "20"), ("ap-southeast-1", "10"), ("ap-northeast-1", "0")] {
            let ingress = try #require(F.find(objects, "Ingress", "bizra-\(region)"))
            #expect(ingress.annotations["external-dns.alpha.kubernetes.io/set-identifier"] == region)
            #expect(ingress.annotations["external-dns.alpha.kubernetes.io/aws-weight"] == weight)
            #expect(ingress.annotations["external-dns.alpha.kubernetes.io/ttl"] == "60")
            #expect(ingress.annotations["alb.ingress.kubernetes.io/healthcheck-path"] == "/health")
            #expect(ingress.annotations["alb.ingress.kubernetes.io/healthcheck-interval-seconds"] == "30")
            #expect(ingress.annotations["alb.ingress.kubernetes.io/unhealthy-threshold-count"] == "3")
            #expect(F.value(ingress, "spec.rules.0.host") == "api.bizra.ai")
            let endpoint = try #require(F.value(F.find(objects, "DNSEndpoint", "bizra-\(region)"), "spec.endpoints.0"))
            #expect(endpoint["dnsName"] == "api.bizra.ai")
            #expect(endpoint["setIdentifier"] == .string(region))
            #expect(endpoint["recordTTL"] == 60)
            let properties = try #require(endpoint["providerSpecific"]?.listValue)
            #expect(properties.contains(["name": "aws/weight", "value": .string(weight)]))
            #expect(properties.contains(["name": "health-check/path", "value": "/health"]))
            #expect(properties.contains(["name": "health-check/failure-threshold", "value": "3"]))
        }
    }

    @Test func standbyRegionsWeighNothing() throws {
        var spec = F.spec
        spec.regions?.list[1].standby = true
        let ingress = F.find(MultiRegionPlanner().objects(for: PlanContext(spec: spec)), "Ingress", "bizra-eu-west-1")
        #expect(ingress?.annotations["external-dns.alpha.kubernetes.io/aws-weight"] == "0")
    }

    @Test func databaseReplicasStreamFromThePrimary() throws {
        for region in ["eu-west-1", "ap-southeast-1", "ap-northeast-1"] {
            let cluster = try #require(F.find(objects, "Cluster", "postgres-\(region)"))
            #expect(F.value(cluster, "spec.replica.enabled") == true)
            #expect(F.value(cluster, "spec.replica.source") == "postgres")
            #expect(F.value(cluster, "spec.bootstrap.pg_basebackup.source") == "postgres")
            #expect(F.value(cluster, "spec.externalClusters.0.name") == "postgres")
            #expect(F.value(cluster, "spec.instances") == 3)
            #expect(F.value(cluster, "spec.storage.size") == "100Gi")
        }
        #expect(F.find(objects, "Cluster", "postgres-us-east-1") == nil)
        #expect(F.find(objects, "ConfigMap", "redis-cluster-replication") != nil)
    }

    @Test func backupCronJobKeepsTheSchedule() throws {
        let cronJob = try #require(F.find(objects, "CronJob", "bizra-dr-backup"))
        #expect(F.value(cronJob, "spec.schedule") == "*/15 * * * *")
        #expect(F.value(cronJob, "spec.concurrencyPolicy") == "Forbid")
        let pod = try #require(F.value(cronJob, "spec.jobTemplate.spec.template.spec"))
        #expect(pod["securityContext"] == ContainerHardening.podSecurityContext)
        let initNames = pod["initContainers"]?.listValue?.compactMap { $0["name"]?.stringValue }
        #expect(initNames == ["dump-kubernetes-resources", "dump-ground-truth-database"])
        let upload = try #require(pod["containers"]?[0])
        #expect(upload["securityContext"] == ContainerHardening.containerSecurityContext)
        let script = try #require(upload["command"]?[2]?.stringValue)
        #expect(script.contains("s3://bizra-dr-backups"))
        #expect(script.contains("regions=('eu-west-1' 'ap-southeast-1' 'ap-northeast-1')"))
        #expect(script.contains("includes=('kubernetes-resources' 'ground-truth-database')"))
        // Credentials only by reference.
        let env = upload["env"]?.listValue ?? []
        #expect(env.filter { $0["name"]?.stringValue?.hasPrefix("AWS_") == true && $0["name"] != "AWS_DEFAULT_REGION" }
            .allSatisfy { $0["valueFrom"]?["secretKeyRef"] != nil })
        if let result = try F.shellcheck(script) {
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test func dashboardIsGrafanaJSON() throws {
        let map = try #require(F.find(objects, "ConfigMap", "bizra-multi-region-dashboard"))
        #expect(map.labels["grafana_dashboard"] == "1")
        let json = try #require(F.value(map, "data")?.mapValue?["multi-region.json"]?.stringValue)
        let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        #expect(panels.map { $0["title"] as? String } == ["Request rate by region", "Ihsan score by region", "Replication lag"])
    }

    @Test func alertsFollowTheSLA() throws {
        let rule = try #require(F.find(objects, "PrometheusRule", "bizra-multi-region"))
        let rules = (F.value(rule, "spec.groups")?.listValue ?? []).flatMap { $0["rules"]?.listValue ?? [] }
        func expr(_ alert: String) -> [String] { rules.filter { $0["alert"] == .string(alert) }.compactMap { $0["expr"]?.stringValue } }
        #expect(expr("RegionalIhsanDivergence").first?.hasSuffix(" > 10") == true)
        #expect(expr("RegionTrafficImbalance").count == 4)
        #expect(expr("RegionTrafficImbalance").contains { $0.contains("region=\"us-east-1\"") && $0.hasSuffix(" - 70) > 10") })
        #expect(expr("DatabaseReplicationLagAboveSLA").first?.hasSuffix(" > 1") == true)
        #expect(expr("DatabaseReplicationLagHigh").first?.hasSuffix(" > 5") == true)
        #expect(expr("RedisReplicationLagAboveSLA").first?.hasSuffix(" > 0.1") == true)
        #expect(expr("RedisReplicationLagHigh").first?.hasSuffix(" > 0.15") == true)
        #expect(expr("CrossRegionLatencyHigh").first?.hasSuffix(" > 0.05") == true)
        if let result = try F.checkRules(rule) {
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test func everyContainerIsHardened() {
        for object in objects where ["Deployment", "CronJob"].contains(object.kind) {
            let pod = F.value(object, object.kind == "CronJob" ? "spec.jobTemplate.spec.template.spec" : "spec.template.spec")
            #expect(pod?["securityContext"] == ContainerHardening.podSecurityContext)
            let containers = (pod?["containers"]?.listValue ?? []) + (pod?["initContainers"]?.listValue ?? [])
            for container in containers {
                #expect(container["securityContext"] == ContainerHardening.containerSecurityContext)
                #expect(container["resources"]?["requests"] != nil && container["resources"]?["limits"] != nil)
                #expect(container["image"]?.stringValue?.hasSuffix(":latest") == false)
            }
        }
    }

    @Test func manifestValidatesAgainstTheSchemas() throws {
        if let result = try F.validate(objects, as: "09-multi-region-deployment.yaml") {
            #expect(result.status == 0, "\(result.output)")
            #expect(result.output.contains(" 0 problems"), "\(result.output)")
        }
    }
}
