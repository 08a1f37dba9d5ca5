import BizraRules
import BizraSpec
import Testing
@testable import BizraGenKit

@Suite("07-performance-optimization")
struct PerformanceOptimizationPlannerTests {
    let objects = PerformanceOptimizationPlanner().objects(for: ReferenceSpecFixture.context)

    @Test func everyObjectLivesInThePlatformNamespace() {
        #expect(!objects.isEmpty)
        for object in objects {
            #expect(object.namespace == "bizra-production", "\(object.kind)/\(object.name)")
        }
    }

    @Test func redisRunsOnePodPerMasterAndReplica() throws {
        let redis = try #require(objects.object("StatefulSet", "redis-cluster"))
        #expect(redis.field("spec.replicas") == 6)
        #expect(redis.field("spec.serviceName") == "redis-cluster-headless")
        #expect(objects.object("Service", "redis-cluster-headless")?.field("spec.clusterIP") == "None")
        #expect(objects.object("Service", "redis-cluster") != nil)
        #expect(redis.container("redis")?["image"] == "redis:8.10.1")
        #expect(redis.container("redis-exporter")?["image"] == "oliver006/redis_exporter:v1.88.0")
        #expect(redis.field("spec.template.spec.topologySpreadConstraints.0.topologyKey") == "kubernetes.io/hostname",
                "one node lost takes at most one Redis node with it")
        let budget = try #require(objects.object("PodDisruptionBudget", "redis-cluster"))
        #expect(budget.field("spec.maxUnavailable") == 1, "a drain takes one node at a time: its replica takes over first")
        #expect(budget.field("spec.selector.matchLabels") == redis.field("spec.selector.matchLabels"))
    }

    @Test func redisNodesAreNamedByTheirPodsAndRejoinAfterEveryPodRestarts() throws {
        let redis = try #require(objects.object("StatefulSet", "redis-cluster"))
        let container = try #require(redis.container("redis"))
        let args = (container["args"]?.listValue ?? []).compactMap(\.stringValue)
        let hostname = try #require(args.firstIndex(of: "--cluster-announce-hostname")).advanced(by: 1)
        #expect(args[hostname] == "$(POD_NAME).redis-cluster-headless.bizra-production.svc.cluster.local")
        #expect(args.contains("--cluster-preferred-endpoint-type") && args.contains("hostname"))
        #expect((container["env"]?.listValue ?? []).contains { $0["name"] == "POD_NAME" && $0["valueFrom"]?["fieldRef"]?["fieldPath"] == "metadata.name" })
        #expect(container["lifecycle"]?["postStart"]?["exec"]?["command"] == ["/bin/sh", "/etc/redis/rejoin.sh"])
        let script = try #require(objects.object("ConfigMap", "redis-cluster-config")?.data("rejoin.sh"))
        #expect(script.contains("redis-cluster-5.redis-cluster-headless.bizra-production.svc.cluster.local"), "it meets every pod")
        #expect(script.contains("cluster meet"))
        #expect(script.contains(#"if [ "${known:-1}" -le 1 ]; then"#), "a node in no cluster yet meets no one: the bootstrap forms it")
        #expect(objects.object("Service", "redis-cluster-headless")?.field("spec.publishNotReadyAddresses") == true,
                "peers resolve while every pod is still starting")
    }

    @Test func redisKeepsAQuarterOfItsMemoryAsOverhead() throws {
        let config = try #require(objects.object("ConfigMap", "redis-cluster-config")?.data("redis.conf"))
        #expect(config.contains("cluster-enabled yes"))
        #expect(config.contains("maxmemory 1536mb"))
        #expect(config.contains("maxmemory-policy allkeys-lru"))
        #expect(config.contains("appendonly yes"))
    }

    @Test func redisPasswordComesFromTheDependentServiceSecret() throws {
        let redis = try #require(objects.object("StatefulSet", "redis-cluster"))
        let env = try #require(redis.container("redis")?["env"]?.listValue)
        let password = try #require(env.first { $0["name"] == "REDIS_PASSWORD" })
        #expect(password["valueFrom"]?["secretKeyRef"] == ["name": "bizra-node0-secrets", "key": "REDIS_PASSWORD"])
        #expect(password["value"] == nil)
    }

    @Test func bootstrapJobFormsTheClusterWithTheSpecReplicasPerMaster() throws {
        let script = try #require(objects.object("ConfigMap", "redis-cluster-bootstrap")?.data("bootstrap.sh"))
        #expect(script.contains("--cluster-replicas 1"))
        #expect(script.contains("redis-cluster-5.redis-cluster-headless.bizra-production.svc.cluster.local"))
        #expect(script.contains("exit 0"))
        #expect(objects.object("Job", "redis-cluster-bootstrap") != nil)
        if let shellcheck = PlannerTool.find("shellcheck") {
            let result = try PlannerTool.run(shellcheck, ["-s", "sh", "-"], input: script)
            #expect(result.status == 0, "\(result.output)")
        } else {
            print("skipped shellcheck: not installed")
        }
    }

    @Test func varnishServesTheRenderedVCLAndRollsWhenItChanges() throws {
        let vcl = try #require(try VarnishVCLRenderer.vcl(for: ReferenceSpecFixture.context))
        #expect(objects.object("ConfigMap", "varnish-vcl")?.data("default.vcl") == vcl)
        let varnish = try #require(objects.object("Deployment", "varnish"))
        #expect(varnish.field("spec.replicas") == 3)
        #expect(varnish.field("spec.template.metadata.annotations.checksum/vcl")?.stringValue == SHA256.hex(vcl))
        let args = try #require(varnish.container("varnish")?["args"]?.listValue)
        #expect(args.contains("malloc,1536m"))
        #expect(varnish.container("varnish-exporter") != nil)
        let service = try #require(objects.object("Service", "varnish"))
        #expect(service.field("spec.ports.0") == ["name": "http", "port": 80, "targetPort": "http", "protocol": "TCP"])
    }

    @Test func verticalPodAutoscalerOnlyRecommends() throws {
        let vpa = try #require(objects.object("VerticalPodAutoscaler", "bizra-node0"))
        #expect(vpa.field("spec.updatePolicy.updateMode") == "Off")
        #expect(vpa.field("spec.resourcePolicy.containerPolicies.0.minAllowed") == ["cpu": "500m", "memory": "512Mi"])
        #expect(vpa.field("spec.resourcePolicy.containerPolicies.0.maxAllowed") == ["cpu": "4", "memory": "8Gi"])
    }

    @Test func scaledObjectCarriesTheSpecTriggersAndThresholds() throws {
        let scaled = try #require(objects.object("ScaledObject", "bizra-node0"))
        #expect(scaled.field("spec.minReplicaCount") == 3)
        #expect(scaled.field("spec.maxReplicaCount") == 50)
        #expect(scaled.field("spec.pollingInterval") == 15)
        #expect(scaled.field("spec.cooldownPeriod") == nil, "it only applies when scaling to zero")
        #expect(scaled.field("spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds") == 300)
        let triggers = try #require(scaled.field("spec.triggers")?.listValue)
        #expect(triggers.map { $0["type"] } == ["cpu", "memory", "prometheus", "prometheus", "redis-cluster"])
        #expect(triggers[0]["metricType"] == "Utilization")
        #expect(triggers[0]["metadata"]?["value"] == "70")
        #expect(triggers[1]["metadata"]?["value"] == "80")
        #expect(triggers[2]["metadata"]?["threshold"] == "95")
        #expect(triggers[2]["metadata"]?["activationThreshold"] == nil, "KEDA ignores activation when min >= 1")
        #expect(triggers[2]["metadata"]?["serverAddress"] == "http://prometheus-operated.monitoring.svc:9090")
        #expect(triggers[3]["metadata"]?["threshold"] == "320")
        #expect(triggers[4]["metadata"]?["addresses"] == "redis-cluster.bizra-production.svc.cluster.local:6379")
        #expect(triggers[4]["metadata"]?["listName"] == "bizra:validation-queue")
        #expect(triggers[4]["metadata"]?["listLength"] == "100")
        #expect(triggers[4]["authenticationRef"]?["name"] == "bizra-node0-redis-auth")
        let auth = try #require(objects.object("TriggerAuthentication", "bizra-node0-redis-auth"))
        #expect(auth.field("spec.secretTargetRef") == [["parameter": "password", "name": "bizra-node0-secrets", "key": "REDIS_PASSWORD"]])
    }

    @Test func aScoreThatFallsUnderLoadScalesOutAsItDropsUnderItsThreshold() throws {
        var spec = ReferenceSpecFixture.spec
        let index = try #require(spec.services[0].autoscaling?.triggers.firstIndex { $0.name == "ihsan-score" })
        spec.services[0].autoscaling?.min = 0
        spec.services[0].autoscaling?.triggers[index].kind = .prometheus(query: "avg(ahsan_compliance_score)", threshold: 95, activation: 97,
                                                                          scaleOutWhen: .below)
        let scaled = try #require(PerformanceOptimizationPlanner().objects(for: PlanContext(spec: spec)).object("ScaledObject", "bizra-node0"))
        let trigger = try #require(scaled.field("spec.triggers")?.listValue?.first { $0["name"] == "ihsan-score" })
        #expect(trigger["metricType"] == "Value", "the HPA then wants ceil(replicas × value / target)")
        #expect(trigger["metadata"]?["query"] == "95 / clamp_min((avg(ahsan_compliance_score)), 0.095)")
        #expect(trigger["metadata"]?["threshold"] == "1")
        let activation = try #require(trigger["metadata"]?["activationThreshold"]?.stringValue.flatMap(Double.init))
        #expect(abs(activation - 95.0 / 97.0) < 1e-9, "active once the score is under 97")
        #expect(try PromQLExpression(parsing: trigger["metadata"]?["query"]?.stringValue ?? "").metricNames == ["ahsan_compliance_score"])
    }

    @Test func cdnRulesAreAFileForTheCDNNotAnObjectInTheClusters() throws {
        #expect(objects.object("ConfigMap", "bizra-cdn-rules") == nil, "nothing in a cluster reads them")
        let files = try CDNRulesRenderer().render(PlanContext(spec: try SpecLoader().loadReference()))
        let text = try #require(files["cdn/cloudflare-rules.yaml"])
        #expect(text.contains("provider: cloudflare"))
        #expect(text.contains("match: /static/*") || text.contains("match: \"/static/*\""))
        #expect(text.contains("ttlSeconds: 300"))
    }

    @Test func cacheAlertsFollowTheSLA() throws {
        let rule = try #require(objects.object("PrometheusRule", "bizra-cache"))
        let alerts = try #require(rule.field("spec.groups.0.rules")?.listValue)
        let latency = try #require(alerts.first { $0["alert"] == "CacheLatencyHigh" }?["expr"]?.stringValue)
        #expect(latency.hasSuffix("> 0.001"))
        let hitRate = try #require(alerts.first { $0["alert"] == "CacheHitRateLow" }?["expr"]?.stringValue)
        #expect(hitRate.hasSuffix("< 0.8"))
        #expect(hitRate.contains("varnish_main_cache_hit"))
    }

    @Test func aVarnishTTLChangeTouchesOnlyTheVCLAndItsChecksum() throws {
        var spec = ReferenceSpecFixture.spec
        spec.caching?.varnish?.rules[2].ttl = .minutes(10)
        let changed = PerformanceOptimizationPlanner().objects(for: PlanContext(spec: spec))
        #expect(changed.count == objects.count)
        var differing: [String] = []
        for (old, new) in zip(objects, changed) where old != new {
            differing.append("\(new.kind)/\(new.name)")
        }
        #expect(differing == ["ConfigMap/varnish-vcl", "Deployment/varnish"])
        #expect(changed.object("ConfigMap", "varnish-vcl")?.data("default.vcl")?.contains("set beresp.ttl = 10m;") == true)
        let old = objects.object("Deployment", "varnish"), new = changed.object("Deployment", "varnish")
        #expect(old?.field("spec.template.metadata.annotations.checksum/vcl") != new?.field("spec.template.metadata.annotations.checksum/vcl"))
        var oldBody = old?.body, newBody = new?.body
        oldBody?.set("spec", nil)
        newBody?.set("spec", nil)
        #expect(oldBody == newBody)
    }

    @Test func redisCountFollowsTheSpec() throws {
        var spec = ReferenceSpecFixture.spec
        spec.caching?.redis?.masters = 4
        spec.caching?.redis?.replicasPerMaster = 2
        spec.caching?.redis?.memoryPerNode = .gibibytes(4)
        let changed = PerformanceOptimizationPlanner().objects(for: PlanContext(spec: spec))
        #expect(changed.object("StatefulSet", "redis-cluster")?.field("spec.replicas") == 12)
        #expect(changed.object("ConfigMap", "redis-cluster-config")?.data("redis.conf")?.contains("maxmemory 3gb") == true)
        #expect(changed.object("ConfigMap", "redis-cluster-bootstrap")?.data("bootstrap.sh")?.contains("--cluster-replicas 2") == true)
    }

    @Test func everyContainerIsHardenedWithResourcesAndProbes() {
        for object in objects {
            for container in object.field("spec.template.spec.containers")?.listValue ?? [] {
                let name = "\(object.kind)/\(object.name)"
                #expect(container["securityContext"] == ContainerHardening.containerSecurityContext, "\(name)")
                #expect(container["resources"]?["limits"] != nil, "\(name)")
                #expect(container["readinessProbe"] != nil && container["livenessProbe"] != nil, "\(name)")
            }
        }
    }

    @Test func theManifestPassesTheSchemas() throws {
        let file = ManifestFile(path: "k8s/07-performance-optimization.yaml", objects: objects)
        guard let result = try ManifestValidation.validate(file, as: "07-performance-optimization.yaml") else {
            print("skipped: validate-manifests is not installed (run /work/shared/tools/install-validators)")
            return
        }
        #expect(result.status == 0, "\(result.output)")
    }
}
