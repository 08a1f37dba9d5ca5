import Testing
@testable import BizraGenKit

/// The flow evaluation follows networking.k8s.io/v1: isolation per direction, peers and named ports.
@Suite struct NetworkPoliciesTests {
    static func pod(_ name: String, namespace: String = "shop", ports: [(String, Int)] = [("http", 8080)]) -> PlannedPod {
        let owner = KubernetesObject(apiVersion: "apps/v1", kind: "Deployment", name: name, namespace: namespace)
        return PlannedPod(namespace: namespace, labels: ["app": name], ports: ports, serviceAccount: "default", owner: owner, spec: nil)
    }

    static func policy(_ name: String, namespace: String = "shop", _ spec: YAMLMap) -> PlannedObject {
        PlannedObject(file: "04-services-ingress.yaml", object: KubernetesObject(
            apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", name: name, namespace: namespace, body: ["spec": .map(spec)]))
    }

    static func flow(_ from: FlowEnd, _ to: FlowEnd, _ port: Int, proto: String = "TCP") -> NetworkFlow {
        NetworkFlow(from: from, to: to, port: port, proto: proto, purpose: "test")
    }

    let web = Self.pod("web")
    let api = Self.pod("api")

    @Test func aPodNoPolicySelectsIsNotIsolated() {
        let policies = NetworkPolicies(PlannedCluster(name: "c", objects: []))
        #expect(policies.blocks(Self.flow(.pod(web), .pod(api), 8080)) == nil)
    }

    @Test func isolationIsPerDirection() {
        let denyIngress = Self.policy("deny", ["podSelector": [:], "policyTypes": ["Ingress"]])
        let policies = NetworkPolicies(PlannedCluster(name: "c", objects: [denyIngress]))
        #expect(policies.blocks(Self.flow(.pod(web), .pod(api), 8080))?.contains("ingress") == true)
        #expect(policies.blocks(Self.flow(.pod(web), BlockedFlow.Actors.awsAPI, 443)) == nil, "egress is not isolated")
    }

    @Test func aNamedPortIsResolvedOnTheDestinationPod() {
        let deny = Self.policy("deny", ["podSelector": [:], "policyTypes": ["Ingress"]])
        let allow = Self.policy("allow", ["podSelector": ["matchLabels": ["app": "api"]], "policyTypes": ["Ingress"],
                                          "ingress": [["from": [["podSelector": ["matchLabels": ["app": "web"]]]], "ports": [["port": "http"]]]]])
        let policies = NetworkPolicies(PlannedCluster(name: "c", objects: [deny, allow]))
        #expect(policies.blocks(Self.flow(.pod(web), .pod(api), 8080)) == nil)
        #expect(policies.blocks(Self.flow(.pod(web), .pod(api), 9090)) != nil, "another port stays closed")
        #expect(policies.blocks(Self.flow(.pod(api), .pod(api), 8080)) != nil, "another source stays closed")
    }

    @Test func namespaceAndPodSelectorsInOneEntryAreBothRequired() {
        let allow = Self.policy("allow", ["podSelector": ["matchLabels": ["app": "api"]], "policyTypes": ["Ingress"],
                                          "ingress": [["from": [["namespaceSelector": ["matchLabels": ["kubernetes.io/metadata.name": "monitoring"]],
                                                                 "podSelector": ["matchLabels": ["app.kubernetes.io/name": "prometheus"]]]]]]])
        let policies = NetworkPolicies(PlannedCluster(name: "c", objects: [allow]))
        #expect(policies.blocks(Self.flow(FlowEnd.actor("Prometheus", namespace: "monitoring", labels: ["app.kubernetes.io/name": "prometheus"]), .pod(api), 8080)) == nil)
        let other = FlowEnd.actor("grafana", namespace: "monitoring", labels: ["app.kubernetes.io/name": "grafana"])
        #expect(policies.blocks(Self.flow(other, .pod(api), 8080)) != nil)
        let samePod = FlowEnd.actor("prometheus elsewhere", namespace: "shop", labels: ["app.kubernetes.io/name": "prometheus"])
        #expect(policies.blocks(Self.flow(samePod, .pod(api), 8080)) != nil)
    }

    @Test func anIPBlockExceptIsExcluded() {
        let egress = Self.policy("egress", ["podSelector": [:], "policyTypes": ["Egress"],
                                            "egress": [["to": [["ipBlock": ["cidr": "10.0.0.0/8", "except": ["10.0.12.0/24"]]]]]]])
        let policies = NetworkPolicies(PlannedCluster(name: "c", objects: [egress]))
        #expect(policies.blocks(Self.flow(.pod(web), BlockedFlow.Actors.otherRegion, 5432)) == nil)
        #expect(policies.blocks(Self.flow(.pod(web), BlockedFlow.Actors.loadBalancerInVPC, 80)) != nil)
        #expect(policies.blocks(Self.flow(.pod(web), .pod(api), 8080)) != nil, "an ipBlock does not match pods")
    }

    @Test func theProtocolMustMatch() {
        let dns = Self.policy("dns", ["podSelector": [:], "policyTypes": ["Egress"], "egress": [["ports": [["protocol": "UDP", "port": 53]]]]])
        let policies = NetworkPolicies(PlannedCluster(name: "c", objects: [dns]))
        #expect(policies.blocks(Self.flow(.pod(web), BlockedFlow.Actors.kubeDNS, 53, proto: "UDP")) == nil)
        #expect(policies.blocks(Self.flow(.pod(web), BlockedFlow.Actors.kubeDNS, 53, proto: "TCP")) != nil)
    }
}
