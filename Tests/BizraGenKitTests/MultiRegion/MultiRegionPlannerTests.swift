import BizraTestSupport
import BizraSpec
import Foundation
import Testing
@testable import BizraGenKit

@Suite("Multi-region deployment (09)")
struct MultiRegionPlannerTests {
    typealias F = ResilienceFixture
    let objects = MultiRegionPlanner().objects(for: PlanContext(spec: ResilienceFixture.spec))

    static let regions = ["us-east-1", "eu-west-1", "ap-southeast-1", "ap-northeast-1"]

    /// The objects of one region's cluster.
    func cluster(_ region: String) -> [KubernetesObject] { objects.filter { $0.placement.includes(region) } }

    @Test func eachClusterHasItsOwnExternalDNSOwningItsOwnRecords() throws {
        for region in Self.regions {
            let objects = cluster(region)
            #expect(objects.filter { $0.kind == "Deployment" && $0.name == "external-dns" }.count == 1, "\(region)")
            let deployment = try #require(F.find(objects, "Deployment", "external-dns"))
            let args = try #require(F.value(deployment, "spec.template.spec.containers.0.args")?.listValue)
            #expect(args.contains("--provider=aws")) // route53
            #expect(args.contains("--domain-filter=bizra.ai"))
            #expect(args.contains("--source=ingress") && args.contains("--source=service"))
            #expect(args.contains(.string("--txt-owner-id=bizra-production-\(region)")), "one owner per cluster")
            #expect(args.contains("--txt-prefix=%{record_type}-"), "TXT records never share a name with the alias")
            #expect(F.value(deployment, "spec.template.spec.containers.0.env.0.value") == .string(region))
            let image = try #require(F.value(deployment, "spec.template.spec.containers.0.image")?.stringValue)
            #expect(image.hasPrefix("registry.k8s.io/external-dns/external-dns:v"))
            #expect(F.find(objects, "ServiceAccount", "external-dns") != nil)
            #expect(F.value(F.find(objects, "ClusterRoleBinding", "bizra-external-dns"), "roleRef.name") == "bizra-external-dns")
        }
        #expect(F.find(objects, "DNSEndpoint", "bizra-us-east-1") == nil, "records come from each cluster's Ingress")
    }

    @Test func eachClusterHasOneWeightedIngress() throws {
        let planned = ServicesIngressPlanner().objects(for: PlanContext(spec: F.spec))
        for (region, weight) in [("us-east-1", "70"), ("eu-west-1", "20"), ("ap-southeast-1", "10"), ("ap-northeast-1", "0")] {
            let ingresses = planned.filter { $0.kind == "Ingress" && $0.placement.includes(region) }
            #expect(ingresses.count == 1, "one Ingress for the host in \(region)")
            let ingress = try #require(ingresses.first)
            #expect(ingress.name == "bizra")
            #expect(ingress.annotations["external-dns.alpha.kubernetes.io/set-identifier"] == region)
            #expect(ingress.annotations["external-dns.alpha.kubernetes.io/aws-weight"] == weight)
            #expect(ingress.annotations["external-dns.alpha.kubernetes.io/ttl"] == "60")
            #expect(ingress.annotations["alb.ingress.kubernetes.io/healthcheck-path"] == "/health")
            #expect(ingress.annotations["alb.ingress.kubernetes.io/healthcheck-interval-seconds"] == "30")
            #expect(ingress.annotations["alb.ingress.kubernetes.io/unhealthy-threshold-count"] == "3")
            #expect(F.value(ingress, "spec.ingressClassName") == "alb")
            #expect(F.value(ingress, "spec.rules.0.host") == "api.bizra.ai")
        }
    }

    @Test func standbyRegionsWeighNothing() throws {
        var spec = F.spec
        spec.regions?.list[1].standby = true
        let ingress = ServicesIngressPlanner().objects(for: PlanContext(spec: spec))
            .first { $0.kind == "Ingress" && $0.placement.includes("eu-west-1") }
        #expect(ingress?.annotations["external-dns.alpha.kubernetes.io/aws-weight"] == "0")
    }

    @Test func eachReplicaRegionRunsAReplicaThatStreamsFromThePrimary() throws {
        for region in ["eu-west-1", "ap-southeast-1", "ap-northeast-1"] {
            let clusters = cluster(region).filter { $0.kind == "Cluster" }
            #expect(clusters.count == 1, "one replica in \(region)")
            let replica = try #require(clusters.first)
            #expect(replica.name == "postgres", "the same name as the primary: the services' references hold in every region")
            #expect(F.value(replica, "spec.replica.enabled") == true)
            #expect(F.value(replica, "spec.replica.source") == "postgres-us-east-1")
            #expect(F.value(replica, "spec.bootstrap.pg_basebackup.source") == "postgres-us-east-1")
            #expect(F.value(replica, "spec.externalClusters.0.name") == "postgres-us-east-1")
            #expect(F.value(replica, "spec.externalClusters.0.connectionParameters.host") == "postgres.us-east-1.bizra.ai")
            #expect(F.value(replica, "spec.externalClusters.0.sslRootCert.name") == "postgres-ca")
            #expect(F.value(replica, "spec.certificates.clientCASecret") == "postgres-ca")
            #expect(F.value(replica, "spec.instances") == 3)
            #expect(F.find(cluster(region), "Service", "postgres-primary") == nil)
        }
        #expect(cluster("us-east-1").filter { $0.kind == "Cluster" }.isEmpty, "the primary is planned with the workloads (03)")
        let endpoint = try #require(F.find(cluster("us-east-1"), "Service", "postgres-primary"))
        #expect(F.value(endpoint, "spec.type") == "LoadBalancer")
        #expect(endpoint.annotations["service.beta.kubernetes.io/aws-load-balancer-scheme"] == "internal")
        #expect(endpoint.annotations["external-dns.alpha.kubernetes.io/hostname"] == "postgres.us-east-1.bizra.ai")
        #expect(F.value(endpoint, "spec.selector")?["cnpg.io/instanceRole"] == "primary")
        #expect(!objects.contains { $0.kind == "ConfigMap" && $0.name.hasSuffix("-replication") }, "nothing would read it")
    }

    @Test func aPrimaryHostFromTheSpecIsWhatTheReplicasReach() throws {
        var spec = F.spec
        spec.regions?.replication.postgres[0].primaryHost = "db.internal.example.com"
        let objects = MultiRegionPlanner().objects(for: PlanContext(spec: spec))
        let replica = try #require(objects.first { $0.kind == "Cluster" && $0.placement.includes("eu-west-1") })
        #expect(F.value(replica, "spec.externalClusters.0.connectionParameters.host") == "db.internal.example.com")
        let primary = try #require(WorkloadsPlanner().objects(for: PlanContext(spec: spec)).first { $0.kind == "Cluster" })
        #expect(primary.placement == .only("us-east-1"))
        #expect(F.value(primary, "spec.certificates.serverAltDNSNames.0") == "db.internal.example.com")
    }

    @Test(.enabled(if: Tools.isInstalled("shellcheck"), "needs shellcheck: make tools installs it")) func backupCronJobKeepsTheSchedule() throws {
        let cronJob = try #require(F.find(objects, "CronJob", "bizra-dr-backup"))
        #expect(cronJob.placement == .only("us-east-1"), "the backup runs beside the primary")
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
        // AWS credentials from the pod's identity alone: no key pair in the environment.
        let env = upload["env"]?.listValue ?? []
        #expect(env.compactMap { $0["name"]?.stringValue }.filter { $0.hasPrefix("AWS_") } == ["AWS_DEFAULT_REGION"])
        let dumper = try #require(pod["initContainers"]?[0])
        // The distroless kubectl image is mounted into an image with a shell, never run with one.
        #expect(dumper["image"] == "amazon/aws-cli:2.36.7")
        #expect(dumper["command"]?[0] == "/bin/sh")
        #expect(pod["volumes"]?.listValue?.contains { $0["image"]?["reference"] == "registry.k8s.io/kubectl:v1.35.9" } == true,
                "the supported release nearest to the fixture's 1.30")
        let export = try #require(dumper["command"]?[2]?.stringValue)
        #expect(export.hasPrefix("set -eu; /opt/kubectl/bin/kubectl get "))
        #expect(export.contains("scaledobjects.keda.sh") && export.contains("clusters.postgresql.cnpg.io") && !export.contains("secrets,"))
        let role = try #require(F.find(objects, "Role", "bizra-dr-backup"))
        let granted = role.body["rules"]?.listValue?.flatMap { rule in
            (rule["resources"]?.listValue ?? []).compactMap(\.stringValue) } ?? []
        #expect(granted.count == DisasterRecoveryBackup.resourceKinds.count, "the Role grants exactly what kubectl reads")
        let egress = try #require(F.find(objects, "NetworkPolicy", "bizra-dr-backup-egress"))
        #expect(F.value(egress, "spec.egress")?.listValue?.contains { $0["to"]?[0]?["ipBlock"]?["cidr"] == "169.254.170.23/32" } == true,
                "without an IRSA role the EKS Pod Identity agent serves the credentials")
        let result = try F.shellcheck(script); do {
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test func withARemoteWriteEndpointEveryOtherRegionForwardsItsSeries() throws {
        #expect(!objects.contains { $0.name == RegionMetricsForwarder.name }, "nothing is forwarded without an endpoint")
        var spec = ResilienceFixture.spec
        spec.regions?.monitoring.remoteWrite = "https://metrics.bizra.ai/api/v1/write"
        let forwarders = MultiRegionPlanner().objects(for: PlanContext(spec: spec)).filter { $0.kind == "OpenTelemetryCollector" }
        #expect(forwarders.map(\.placement) == ["eu-west-1", "ap-southeast-1", "ap-northeast-1"].map { Placement.only($0) },
                "the primary's own series are already there")
        let config = try #require(forwarders.first?.value("spec.config"))
        #expect(config["receivers"]?["prometheus"]?["config"]?["scrape_configs"]?[0]?["params"]?["match[]"]?[0] == "{region!=\"\"}")
        #expect(config["exporters"]?["prometheusremotewrite"]?["endpoint"] == "https://metrics.bizra.ai/api/v1/write")
    }

    @Test func everyBucketTheBackupWritesExistsInItsRegion() throws {
        let buckets = objects.filter { $0.kind == "Bucket" }
        #expect(buckets.map(\.name) == ["bizra-dr-backups", "bizra-dr-backups-eu-west-1",
                                        "bizra-dr-backups-ap-southeast-1", "bizra-dr-backups-ap-northeast-1"])
        let eu = try #require(F.find(objects, "Bucket", "bizra-dr-backups-eu-west-1"))
        #expect(eu.placement == .only("eu-west-1"))
        #expect(F.value(eu, "spec.createBucketConfiguration.locationConstraint") == "eu-west-1")
        #expect(F.value(eu, "spec.publicAccessBlock.blockPublicPolicy") == true)
        let primary = try #require(F.find(objects, "Bucket", "bizra-dr-backups"))
        #expect(F.value(primary, "spec.createBucketConfiguration") == nil, "S3 refuses us-east-1 as a location constraint")
    }

    @Test func theGroundTruthDatabaseArchivesItsWALsForPointInTimeRecovery() throws {
        let context = PlanContext(spec: F.spec)
        let database = try #require(F.spec.regions?.backup?.databases(in: F.spec).first)
        let primary = DatabaseCluster.cluster(database, context)
        #expect(F.value(primary, "spec.backup.barmanObjectStore.destinationPath") == "s3://bizra-dr-backups/bizra/production/archive",
                "the DR bucket of the primary region, which the ACK Bucket creates")
        #expect(F.value(primary, "spec.backup.barmanObjectStore.s3Credentials") == ["inheritFromIAMRole": true], "no keys: the pods' identity")
        #expect(F.value(primary, "spec.backup.retentionPolicy") == "30d")
        #expect(F.value(primary, "spec.imageName") == "ghcr.io/cloudnative-pg/postgresql:16-system-trixie",
                "the in-tree archive runs barman-cloud from the instance's image, which only the system type carries")
        var unarchived = F.spec
        unarchived.regions?.backup?.include.removeAll { $0 == "ground-truth-database" }
        let plain = DatabaseCluster.cluster(database, PlanContext(spec: unarchived))
        #expect(F.value(plain, "spec.imageName") == "ghcr.io/cloudnative-pg/postgresql:16-standard-trixie")
        #expect(F.value(plain, "spec.backup") == nil)
        #expect(F.value(primary, "spec.serviceAccountTemplate") == nil, "without an AWS account, a Pod Identity association")
        var withAccount = F.spec
        withAccount.platform.aws = .init(accountId: "123456789012")
        let annotated = DatabaseCluster.cluster(database, PlanContext(spec: withAccount))
        let role = F.value(annotated, "spec.serviceAccountTemplate.metadata.annotations")?["eks.amazonaws.com/role-arn"]?.stringValue
        #expect(role?.hasPrefix("arn:aws:iam::123456789012:role/") == true, "the instances archive as their IRSA role")

        let job = try #require(F.find(objects, "CronJob", "\(database.name)-base-backup"))
        #expect(job.placement == .only("us-east-1"))
        #expect(F.value(job, "spec.schedule") == "17 3 * * *")
        let script = DatabaseArchive.script(database, namespace: "bizra-production", kubectl: "kubectl")
        #expect(script.contains("kind: Backup") && script.contains("method: barmanObjectStore"))
        #expect(script.contains("*AlreadyExists*"), "a rerun the same day asks for nothing new")
        let rbac = try #require(F.find(objects, "Role", "\(database.name)-base-backup"))
        #expect(F.value(rbac, "rules") == [["apiGroups": ["postgresql.cnpg.io"], "resources": ["backups"], "verbs": ["create", "get", "list", "delete"]]])
    }

    @Test func dashboardIsGrafanaJSON() throws {
        let map = try #require(F.find(objects, "ConfigMap", "bizra-multi-region-dashboard"))
        #expect(map.placement == .only("us-east-1"), "where the regions' series meet")
        #expect(map.labels["grafana_dashboard"] == "1")
        let json = try #require(F.value(map, "data")?.mapValue?["multi-region.json"]?.stringValue)
        let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        #expect(panels.map { $0["title"] as? String } == ["Request rate by region", "Ihsan score by region", "Replication lag"])
    }

    @Test(.enabled(if: Tools.isInstalled("promtool"), "needs promtool: make tools installs it")) func alertsFollowTheSLA() throws {
        #expect(F.find(objects, "PrometheusRule", "bizra-multi-region") == nil,
                "without a remote write the primary sees its own series only: no alert that could not be right")
        var spec = ResilienceFixture.spec
        spec.regions?.monitoring.remoteWrite = "https://metrics.bizra.ai/api/v1/write"
        let objects = MultiRegionPlanner().objects(for: PlanContext(spec: spec))
        let rule = try #require(F.find(objects, "PrometheusRule", "bizra-multi-region"))
        #expect(rule.placement == .only("us-east-1"))
        let replication = try #require(F.find(objects, "PrometheusRule", "bizra-replication"))
        #expect(replication.placement == .clusters(["eu-west-1", "ap-southeast-1", "ap-northeast-1"]), "where the replicas measure their lag")
        let rules = [rule, replication].flatMap { (F.value($0, "spec.groups")?.listValue ?? []).flatMap { $0["rules"]?.listValue ?? [] } }
        func expr(_ alert: String) -> [String] { rules.filter { $0["alert"] == .string(alert) }.compactMap { $0["expr"]?.stringValue } }
        #expect(expr("RegionalIhsanDivergence").first?.hasSuffix(" > 10") == true)
        #expect(expr("RegionTrafficImbalance").count == 4)
        #expect(expr("RegionTrafficImbalance").contains { $0.contains("region=\"us-east-1\"") && $0.hasSuffix(" - 70) > 10") })
        #expect(expr("DatabaseReplicationLagAboveSLA").first?.hasSuffix(" > 1") == true)
        #expect(expr("DatabaseReplicationLagHigh").first?.hasSuffix(" > 5") == true)
        #expect(expr("RedisReplicationLagHigh").isEmpty, "nothing replicates Redis across regions")
        #expect(expr("CrossRegionLatencyHigh").isEmpty, "nothing probes it: the alert could never fire")
        for object in [rule, replication] {
            let result = try F.checkRules(object); do {
                #expect(result.status == 0, "\(result.output)")
            }
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

    @Test(.enabled(if: Tools.isInstalled("validate-manifests"), "needs validate-manifests: make tools installs it")) func manifestValidatesAgainstTheSchemas() throws {
        for region in Self.regions {
            let result = try F.validate(cluster(region), as: "09-multi-region-deployment.yaml"); do {
                #expect(result.status == 0, "\(region): \(result.output)")
                #expect(result.output.contains(" 0 problems"), "\(region): \(result.output)")
            }
        }
    }
}
