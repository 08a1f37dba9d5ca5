import BizraSpec
import Testing
@testable import BizraGenKit

@Suite struct WorkloadsPlannerTests {
    let objects = WorkloadsPlanner().objects(for: CoreFixture.context)

    func deployment(_ objects: [KubernetesObject]) throws -> KubernetesObject {
        try #require(objects.coreObject("Deployment", "bizra-node0"))
    }

    @Test func deploymentRunsTheServiceHardened() throws {
        let deployment = try deployment(objects)
        #expect(deployment.coreField("spec", "replicas") == nil, "the autoscaler owns replicas")
        #expect(deployment.coreField("spec", "selector", "matchLabels") == .map(YAMLMap(sortedKeys: CoreFixture.context.selector(name: "bizra-node0"))))
        let pod = try #require(deployment.coreField("spec", "template", "spec"))
        #expect(pod["priorityClassName"] == "bizra-critical")
        #expect(pod["serviceAccountName"] == "bizra-node0")
        #expect(pod["securityContext"] == ContainerHardening.podSecurityContext)
        #expect(pod["topologySpreadConstraints"]?[0]?["topologyKey"] == "topology.kubernetes.io/zone")
        let container = try #require(pod["containers"]?[0])
        #expect(container["image"] == "ghcr.io/bizra/node:v2.2.0")
        #expect(container["securityContext"] == ContainerHardening.containerSecurityContext)
        #expect(container["ports"]?[1]?["name"] == "metrics")
        #expect(container["ports"]?[1]?["containerPort"] == 9464)
        #expect(container["envFrom"]?[0]?["configMapRef"]?["name"] == "bizra-node0-config")
        #expect(container["envFrom"]?[1]?["secretRef"]?["name"] == "bizra-node0-secrets")
        #expect(container["resources"]?["limits"]?["cpu"] == "2")
        #expect(container["readinessProbe"]?["httpGet"]?["path"] == "/ready")
        #expect(container["readinessProbe"]?["httpGet"]?["port"] == "http")
        #expect(container["livenessProbe"]?["initialDelaySeconds"] == 15)
        let mounts = try #require(container["volumeMounts"]?.listValue)
        #expect(mounts.map { $0["mountPath"]?.stringValue } == ["/data", "/tmp"])
        let volumes = try #require(pod["volumes"]?.listValue)
        #expect(volumes[0]["persistentVolumeClaim"]?["claimName"] == "bizra-node0-data")
        #expect(volumes[1]["emptyDir"] != nil)
    }

    @Test func theServiceSendsItsTracesToTheCollector() throws {
        var spec = try SpecLoader().loadReference()
        let container = try #require(try deployment(WorkloadsPlanner().objects(for: PlanContext(spec: spec)))
            .coreField("spec", "template", "spec", "containers")?[0])
        let env = container["env"]?.listValue ?? []
        #expect(env.contains(["name": "OTEL_EXPORTER_OTLP_ENDPOINT", "value": "http://otel-collector.observability.svc:4318"]))
        #expect(env.contains(["name": "OTEL_SERVICE_NAME", "value": "bizra-node0"]))
        spec.observability?.tracing = nil
        let untraced = try #require(try deployment(WorkloadsPlanner().objects(for: PlanContext(spec: spec)))
            .coreField("spec", "template", "spec", "containers")?[0])
        #expect(untraced["env"]?.listValue?.contains { $0["name"]?.stringValue?.hasPrefix("OTEL_") == true } == false,
                "no endpoint where nothing collects")
    }

    @Test func volumeIsAClaimOfItsSize() throws {
        let claim = try #require(objects.coreObject("PersistentVolumeClaim", "bizra-node0-data"))
        #expect(claim.coreField("spec", "resources", "requests", "storage") == "10Gi")
        #expect(claim.coreField("spec", "accessModes") == ["ReadWriteMany"])
        #expect(claim.coreField("spec", "storageClassName") == "efs-sc", "a shared claim without a class that can share it stays Pending")
        var spec = CoreFixture.spec
        spec.services[0].volumes[0].storageClass = "shared-nfs"
        let chosen = try #require(WorkloadsPlanner().objects(for: PlanContext(spec: spec)).coreObject("PersistentVolumeClaim", "bizra-node0-data"))
        #expect(chosen.coreField("spec", "storageClassName") == "shared-nfs")
    }

    @Test func replicasAreTheAutoscalingMinimumOrTheReplicas() throws {
        var spec = CoreFixture.spec
        spec.services[0].autoscaling?.min = 4
        #expect(try deployment(WorkloadsPlanner().objects(for: PlanContext(spec: spec))).coreField("spec", "replicas") == nil,
                "an autoscaled Deployment leaves replicas to its autoscaler: every apply would reset it")
        spec.services[0].autoscaling = nil
        spec.services[0].replicas = 2
        #expect(try deployment(WorkloadsPlanner().objects(for: PlanContext(spec: spec))).coreField("spec", "replicas") == 2)
    }

    @Test func checksumAnnotationChangesWithTheConfigOnly() throws {
        func checksum(_ spec: Spec) throws -> YAMLValue? {
            try deployment(WorkloadsPlanner().objects(for: PlanContext(spec: spec)))
                .coreField("spec", "template", "metadata", "annotations", "checksum/config")
        }
        let reference = try #require(try checksum(CoreFixture.spec))
        var unrelated = CoreFixture.spec
        unrelated.services[0].image = "ghcr.io/bizra/node:v2.3.0"
        unrelated.sla.latency.p95 = .seconds(1)
        #expect(try checksum(unrelated) == reference)
        var changed = CoreFixture.spec
        changed.services[0].config["LOG_LEVEL"] = "debug"
        #expect(try checksum(changed) != reference)
        #expect(try checksum(changed) == .string(try #require(ConfigSecretsPlanner.configChecksum(for: changed.services[0], in: PlanContext(spec: changed)))))
    }

    @Test func disruptionBudgetFromTheSpec() throws {
        let budget = try #require(objects.coreObject("PodDisruptionBudget", "bizra-node0"))
        #expect(budget.coreField("spec", "minAvailable") == 2)
    }

    @Test func noHorizontalPodAutoscalerForKEDA() {
        #expect(objects.coreNames(of: "HorizontalPodAutoscaler").isEmpty)
    }

    @Test func horizontalPodAutoscalerForEngineHPA() throws {
        var spec = CoreFixture.spec
        spec.services[0].autoscaling?.engine = .hpa
        let hpa = try #require(WorkloadsPlanner().objects(for: PlanContext(spec: spec)).coreObject("HorizontalPodAutoscaler", "bizra-node0"))
        #expect(hpa.apiVersion == "autoscaling/v2")
        #expect(hpa.coreField("spec", "minReplicas") == 3)
        #expect(hpa.coreField("spec", "maxReplicas") == 50)
        let metrics = try #require(hpa.coreField("spec", "metrics")?.listValue)
        #expect(metrics.map { $0["resource"]?["name"]?.stringValue } == ["cpu", "memory"])
        #expect(metrics[0]["resource"]?["target"]?["averageUtilization"] == 70)
        #expect(metrics[1]["resource"]?["target"]?["type"] == "Utilization")
        #expect(hpa.coreField("spec", "behavior", "scaleDown", "stabilizationWindowSeconds") == 300)
    }

    @Test func databaseIsACloudNativePGCluster() throws {
        let cluster = try #require(objects.coreObject("Cluster", "postgres"))
        #expect(cluster.apiVersion == "postgresql.cnpg.io/v1")
        #expect(cluster.coreField("spec", "instances") == 3)
        #expect(cluster.coreField("spec", "imageName") == "ghcr.io/cloudnative-pg/postgresql:16-system-trixie",
                "the DR backup archives it with Barman Cloud, which only the system image type carries")
        #expect(cluster.coreField("spec", "storage", "size") == "100Gi")
        #expect(cluster.coreField("spec", "resources", "requests", "memory") == "4Gi")
        #expect(cluster.coreField("spec", "monitoring") == nil, "enablePodMonitor is deprecated: 05 has its PodMonitor")
        #expect(cluster.placement == .only("us-east-1"), "the primary runs in the primary region only")
        #expect(cluster.coreField("spec", "certificates", "serverCASecret") == "postgres-ca")
        #expect(cluster.coreField("spec", "certificates", "serverAltDNSNames")?[0] == "postgres.us-east-1.bizra.ai")
    }

    @Test func aServiceNamingNoPriorityClassGetsThePlatformsDefault() throws {
        var spec = CoreFixture.spec
        spec.services[0].priorityClass = nil
        let deployment = try deployment(WorkloadsPlanner().objects(for: PlanContext(spec: spec)))
        #expect(deployment.coreField("spec", "template", "spec", "priorityClassName") == "bizra-normal")
    }

    @Test func theOwnersPasswordIsTheOneTheServiceReads() throws {
        let cluster = try #require(objects.coreObject("Cluster", "postgres"))
        #expect(cluster.coreField("spec", "bootstrap", "initdb", "owner") == "app")
        #expect(cluster.coreField("spec", "bootstrap", "initdb", "secret", "name") == "postgres-app-credentials")
        let spec = CoreFixture.spec
        let database = try #require(spec.databases.first)
        let credentials = try #require(DatabaseCredentials.externalSecret(database, CoreFixture.context))
        #expect(credentials.value("spec.data.0.remoteRef.key") == "bizra/production/database-password",
                "the key bizra-node0 reads DATABASE_PASSWORD from")
        #expect(credentials.value("spec.target.template.type") == "kubernetes.io/basic-auth")
        let env = DatabaseCredentials.environment(for: try #require(spec.services.first), in: spec)
        #expect(env.first == ["name": "DATABASE_HOST", "value": "postgres-rw"])
        #expect(!env.contains { $0["name"] == "DATABASE_PASSWORD" }, "the service already reads it from its store")
    }

    @Test func withoutAStoredPasswordTheServiceReadsTheGeneratedOne() throws {
        var spec = CoreFixture.spec
        spec.services[0].secrets?.keys["DATABASE_PASSWORD"] = nil
        spec.regions = nil
        let database = try #require(spec.databases.first)
        #expect(DatabaseCredentials.externalSecret(database, PlanContext(spec: spec)) == nil)
        let env = DatabaseCredentials.environment(for: spec.services[0], in: spec)
        #expect(env.last?["valueFrom"]?["secretKeyRef"]?["name"] == "postgres-app")
    }
}
