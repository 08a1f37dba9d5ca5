import BizraSpec
import Testing
@testable import BizraGenKit

@Suite struct ServicesIngressPlannerTests {
    let objects = ServicesIngressPlanner().objects(for: CoreFixture.context)

    @Test func serviceExposesTheNamedPorts() throws {
        let service = try #require(objects.coreObject("Service", "bizra-node0"))
        #expect(service.coreField("spec", "type") == "ClusterIP")
        let ports = try #require(service.coreField("spec", "ports")?.listValue)
        #expect(ports.map { $0["name"]?.stringValue } == ["http", "metrics"])
        #expect(ports[0]["port"] == 8080)
    }

    @Test func ingressSendsTheDomainToVarnishWithTLS() throws {
        let ingress = try #require(objects.coreObject("Ingress", "bizra"))
        #expect(ingress.coreField("spec", "ingressClassName") == "alb", "the AWS Load Balancer Controller, maintained")
        #expect(ingress.annotations["alb.ingress.kubernetes.io/scheme"] == "internet-facing")
        #expect(ingress.annotations["alb.ingress.kubernetes.io/target-type"] == "ip")
        #expect(ingress.coreField("spec", "tls")?[0]?["hosts"]?[0] == "api.bizra.ai", "the certificate is found in ACM by host")
        let rule = ingress.coreField("spec", "rules")?[0]
        #expect(rule?["host"] == "api.bizra.ai")
        let backend = rule?["http"]?["paths"]?[0]?["backend"]?["service"]
        #expect(backend?["name"] == "varnish")
        #expect(backend?["port"]?["name"] == "http")
    }

    @Test func withoutVarnishTheIngressSendsToTheFirstService() throws {
        var spec = CoreFixture.spec
        spec.caching?.varnish = nil
        let objects = ServicesIngressPlanner().objects(for: PlanContext(spec: spec))
        let backend = objects.coreObject("Ingress", "bizra")?.coreField("spec", "rules")?[0]?["http"]?["paths"]?[0]?["backend"]?["service"]
        #expect(backend?["name"] == "bizra-node0")
        #expect(backend?["port"]?["name"] == "http")
        #expect(objects.coreObject("NetworkPolicy", "allow-load-balancer-to-bizra-node0") != nil)
        #expect(objects.coreObject("NetworkPolicy", "allow-varnish-to-bizra-node0") == nil)
    }

    @Test func defaultDenyThenAllowsDerivedFromTheModel() throws {
        let deny = try #require(objects.coreObject("NetworkPolicy", "default-deny"))
        #expect(deny.coreField("spec", "policyTypes") == ["Ingress", "Egress"])
        #expect(deny.coreField("spec", "podSelector") == .map(YAMLMap()))

        let toPostgres = try #require(objects.coreObject("NetworkPolicy", "allow-bizra-node0-to-postgres"))
        #expect(toPostgres.coreField("spec", "podSelector", "matchLabels", "cnpg.io/cluster") == "postgres")
        #expect(toPostgres.coreField("spec", "ingress")?[0]?["ports"]?[0]?["port"] == 5432)
        let egress = try #require(objects.coreObject("NetworkPolicy", "allow-bizra-node0-to-postgres-egress"))
        #expect(egress.coreField("spec", "egress")?[0]?["to"]?[0]?["podSelector"]?["matchLabels"]?["cnpg.io/cluster"] == "postgres")

        let toRedis = try #require(objects.coreObject("NetworkPolicy", "allow-bizra-node0-to-redis-cluster"))
        #expect(toRedis.coreField("spec", "ingress")?[0]?["ports"]?.listValue?.map { $0["port"] } == [6379, 16379])
        #expect(toRedis.coreField("spec", "podSelector", "matchLabels")
            == .map(YAMLMap(sortedKeys: CoreFixture.context.selector(name: "redis-cluster"))))

        let varnish = try #require(objects.coreObject("NetworkPolicy", "allow-varnish-to-bizra-node0"))
        #expect(varnish.coreField("spec", "ingress")?[0]?["ports"]?[0]?["port"] == 8080)
        let balancer = try #require(objects.coreObject("NetworkPolicy", "allow-load-balancer-to-varnish"))
        #expect(balancer.coreField("spec", "ingress")?[0]?["from"]?.listValue?.map { $0["ipBlock"]?["cidr"] }
            == ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], "the load balancer sends from the VPC's addresses")
        let fromReplicas = try #require(objects.coreObject("NetworkPolicy", "allow-replicas-to-postgres"))
        #expect(fromReplicas.placement == .only("us-east-1"))
        let toPrimary = try #require(objects.coreObject("NetworkPolicy", "allow-postgres-to-primary"))
        #expect(toPrimary.placement == .clusters(["eu-west-1", "ap-southeast-1", "ap-northeast-1"]))
        #expect(toPrimary.coreField("spec", "egress")?[0]?["ports"]?[0]?["port"] == 5432)
        let prometheus = try #require(objects.coreObject("NetworkPolicy", "allow-prometheus-to-bizra-node0"))
        #expect(prometheus.coreField("spec", "ingress")?[0]?["ports"]?[0]?["port"] == 9464)
        #expect(prometheus.coreField("spec", "ingress")?[0]?["from"]?[0]?["podSelector"]?["matchLabels"]?["app.kubernetes.io/name"] == "prometheus")
        let dns = try #require(objects.coreObject("NetworkPolicy", "allow-dns-egress"))
        #expect(dns.coreField("spec", "egress")?[0]?["ports"]?.listValue?.map { $0["protocol"] } == ["UDP", "TCP"])
        let otlp = try #require(objects.coreObject("NetworkPolicy", "allow-otlp-egress"))
        #expect(otlp.coreField("spec", "egress")?[0]?["ports"]?.listValue?.map { $0["port"] } == [4317, 4318])
    }

    @Test func policiesFollowDependsOn() {
        var spec = CoreFixture.spec
        spec.services[0].dependsOn = ["redis-cluster"]
        let objects = ServicesIngressPlanner().objects(for: PlanContext(spec: spec))
        #expect(objects.coreObject("NetworkPolicy", "allow-bizra-node0-to-postgres") == nil)
        #expect(objects.coreObject("NetworkPolicy", "allow-bizra-node0-to-postgres-egress") == nil)
        #expect(objects.coreObject("NetworkPolicy", "allow-bizra-node0-to-redis-cluster") != nil)

        spec.observability?.tracing = nil
        #expect(ServicesIngressPlanner().objects(for: PlanContext(spec: spec)).coreObject("NetworkPolicy", "allow-otlp-egress") == nil)
    }

    @Test func policyNamesAreUnique() {
        let names = objects.filter { $0.kind == "NetworkPolicy" }.map(\.name)
        #expect(Set(names).count == names.count)
    }
}

@Suite struct CachePolicyTests {
    let objects = ServicesIngressPlanner().objects(for: CoreFixture.context)

    @Test func redisPeersBootstrapAndKEDAReachRedis() throws {
        #expect(objects.coreObject("NetworkPolicy", "allow-redis-cluster-to-redis-cluster") != nil)
        #expect(objects.coreObject("NetworkPolicy", "allow-redis-cluster-bootstrap-to-redis-cluster-egress") != nil)
        let keda = try #require(objects.coreObject("NetworkPolicy", "allow-keda-to-redis-cluster"))
        #expect(keda.coreField("spec", "ingress")?[0]?["ports"]?[0]?["port"] == 6379)
        #expect(objects.coreObject("NetworkPolicy", "allow-prometheus-to-redis-cluster") != nil)
        #expect(objects.coreObject("NetworkPolicy", "allow-prometheus-to-varnish") != nil)

        var spec = CoreFixture.spec
        spec.services[0].autoscaling?.triggers.removeAll { $0.kind.typeName == "redis" }
        #expect(ServicesIngressPlanner().objects(for: PlanContext(spec: spec)).coreObject("NetworkPolicy", "allow-keda-to-redis-cluster") == nil)
    }
}
