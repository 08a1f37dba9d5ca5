import BizraSpec

/// OUT004: a flow the platform needs that its NetworkPolicies block.
public struct BlockedFlow: OutputRule {
    public static let identifier = "OUT004"
    public static let severity = Severity.error
    public static let summary = "a flow the platform needs that its NetworkPolicies block: a workload to what it talks to, Prometheus to every scraped port, operators to their instances, a replica to its primary, DNS"
    public static let explanation = """
        The namespace denies by default, so every connection the platform depends on needs a policy \
        on both ends: a service to what it `dependsOn`, Varnish to its backend, the load balancer to \
        what the Ingress routes to, Prometheus to every port a monitor scrapes, the CloudNativePG and \
        KEDA operators to their instances, instances to each other and to the API server, a replica \
        to its primary in another region, an external endpoint it `dependsOn`, the DR backup to what it dumps and to S3, the archived database to S3, ExternalDNS to the \
        API and Route 53, a pod without an IRSA role to the EKS Pod Identity agent, and every pod to \
        DNS. A blocked one fails at runtime with a timeout, far from its cause. The flows are \
        evaluated with the semantics of networking.k8s.io/v1.
        """
    public static let triggeringExamples = [
        OutputRuleExample("the policy letting Prometheus scrape the service removed") { platform in
            let service = platform.spec.services.first?.name ?? ""
            platform.editCluster { $0.objects.removeAll { $0.object.kind == "NetworkPolicy" && $0.object.name == "allow-prometheus-to-\(service)" } }
        },
        OutputRuleExample("the DNS egress policy removed") { platform in
            platform.editCluster { $0.objects.removeAll { $0.object.kind == "NetworkPolicy" && $0.object.name == "allow-dns-egress" } }
        },
        OutputRuleExample("the archived database's egress to the EKS Pod Identity agent removed") { platform in
            platform.editCluster { $0.objects.removeAll { $0.object.kind == "NetworkPolicy" && $0.object.name.hasSuffix("-to-pod-identity-agent") } }
        },
        OutputRuleExample("the replica's egress to its primary removed in eu-west-1") { platform in
            platform.editCluster("eu-west-1") { cluster in
                cluster.objects.removeAll { $0.object.kind == "NetworkPolicy" && $0.object.name.hasSuffix("-to-primary") }
            }
        },
    ]

    public init() {}

    enum Actors {
        static let kubeDNS = FlowEnd.actor("kube-dns", namespace: "kube-system", labels: ["k8s-app": "kube-dns"])
        static func prometheus(_ spec: Spec) -> FlowEnd {
            let prometheus = spec.platform.cluster.prometheus
            return .actor("Prometheus", namespace: prometheus.namespace, labels: prometheus.podLabels)
        }
        static func cnpgOperator(_ spec: Spec) -> FlowEnd {
            .actor("the CloudNativePG operator", namespace: spec.platform.cluster.operators.cloudnativePG, labels: ["app.kubernetes.io/name": "cloudnative-pg"])
        }
        static func kedaOperator(_ spec: Spec) -> FlowEnd {
            .actor("the KEDA operator", namespace: spec.platform.cluster.operators.keda, labels: ["app": "keda-operator"])
        }
        /// What sends the public traffic to the pods: the ALB's nodes in the VPC, or ingress-nginx's pods.
        static func loadBalancer(_ spec: Spec) -> FlowEnd {
            let ingress = spec.platform.cluster.ingress
            switch ingress.controller {
            case .awsLoadBalancer: return loadBalancerInVPC
            case .nginx: return .actor("the ingress-nginx controller", namespace: ingress.effectiveNamespace, labels: PublicIngress.nginxControllerPods)
            }
        }
        static let apiServer = FlowEnd.outside("the Kubernetes API server", address: "203.0.113.10")
        static let awsAPI = FlowEnd.outside("AWS APIs (Route 53, S3)", address: "203.0.113.20")
        static let podIdentityAgent = FlowEnd.outside("the EKS Pod Identity agent", address: "169.254.170.23")
        static let loadBalancerInVPC = FlowEnd.outside("the load balancer (in the VPC)", address: "10.0.12.34")
        static let otherRegion = FlowEnd.outside("another region's cluster (over the VPC peering)", address: "10.1.0.10")
    }

    public func check(_ platform: PlannedPlatform) -> [Finding] {
        platform.clusters.flatMap { cluster -> [Finding] in
            let policies = NetworkPolicies(cluster)
            let index = platform.index(cluster)
            return Self.flows(index, platform: platform).compactMap { flow in
                guard let reason = policies.blocks(flow) else { return nil }
                guard let pod = flow.from.pod ?? flow.to.pod, let planned = index.owner(of: pod) else { return nil }
                return finding("\(flow.from) → \(flow.to) on \(flow.port)/\(flow.proto) (\(flow.purpose)) is blocked: \(reason)",
                               about: planned, in: cluster, platform: platform)
            }
        }
    }

    /// An address the endpoint's traffic goes to: the first of its ranges, or a public address
    /// (TEST-NET-3, RFC 5737) for a host name.
    static func sampleAddress(of external: ExternalEndpoint) -> String {
        external.cidrs.first.map { String($0.prefix { $0 != "/" }) } ?? "203.0.113.80"
    }

    /// Every flow the cluster's objects need.
    static func flows(_ index: ClusterIndex, platform: PlannedPlatform) -> [NetworkFlow] {
        let spec = platform.spec
        var flows: [NetworkFlow] = []
        func pods(named name: String) -> [PlannedPod] { index.pods(LabelSelector(matchLabels: ["app.kubernetes.io/name": name]), in: nil) }
        func instances(of database: String) -> [PlannedPod] { index.pods(LabelSelector(matchLabels: [DatabaseCluster.clusterLabel: database]), in: nil) }
        func connect(_ sources: [PlannedPod], _ targets: [PlannedPod], _ port: Int, _ purpose: String) {
            for source in sources { for target in targets { flows.append(NetworkFlow(from: .pod(source), to: .pod(target), port: port, purpose: purpose)) } }
        }
        func reach(_ sources: [PlannedPod], _ end: FlowEnd, _ port: Int, _ purpose: String) {
            for source in sources { flows.append(NetworkFlow(from: .pod(source), to: end, port: port, purpose: purpose)) }
        }
        func admit(_ end: FlowEnd, _ targets: [PlannedPod], _ port: Int, _ purpose: String) {
            for target in targets { flows.append(NetworkFlow(from: end, to: .pod(target), port: port, purpose: purpose)) }
        }
        let ours = index.pods.filter { $0.spec != nil }
        for proto in ["UDP", "TCP"] {
            for pod in ours { flows.append(NetworkFlow(from: .pod(pod), to: Actors.kubeDNS, port: 53, proto: proto, purpose: "DNS")) }
        }
        for service in spec.services {
            let sources = pods(named: service.name)
            for dependency in service.dependsOn {
                if spec.database(named: dependency) != nil {
                    connect(sources, instances(of: dependency), DatabaseCluster.postgresPort, "dependsOn \(dependency)")
                } else if spec.caching?.redis?.name == dependency {
                    connect(sources, pods(named: dependency), 6379, "dependsOn \(dependency)")
                } else if let other = spec.service(named: dependency), let port = other.ports.first?.port {
                    connect(sources, pods(named: dependency), port, "dependsOn \(dependency)")
                } else if let external = spec.external(named: dependency) {
                    let end = FlowEnd.outside("\(external.name) (\(external.host ?? external.cidrs.joined(separator: ", ")))",
                                              address: Self.sampleAddress(of: external))
                    for source in sources {
                        flows.append(NetworkFlow(from: .pod(source), to: end, port: external.port, proto: external.protocol.rawValue,
                                                 purpose: "dependsOn \(dependency)"))
                    }
                }
            }
        }
        if let varnish = spec.caching?.varnish, let backend = spec.service(named: varnish.backend.service),
           let port = backend.ports.first(where: { $0.name == varnish.backend.port })?.port {
            connect(pods(named: varnish.name), pods(named: backend.name), port, "Varnish's backend")
        }
        if let redis = spec.caching?.redis {
            let nodes = pods(named: redis.name)
            connect(nodes, nodes, 6379, "Redis Cluster clients between nodes")
            connect(nodes, nodes, 16379, "the Redis Cluster bus")
            connect(pods(named: "\(redis.name)-bootstrap"), nodes, 6379, "forming the cluster")
            if index.objects("ScaledObject").contains(where: { ($0.object.value("spec.triggers")?.listValue ?? []).contains { $0["type"]?.stringValue == "redis-cluster" || $0["type"]?.stringValue == "redis" } }) {
                admit(Actors.kedaOperator(spec), nodes, 6379, "KEDA's Redis trigger")
            }
        }
        for database in index.objects("Cluster") where database.object.isIn(group: "postgresql.cnpg.io") {
            let nodes = instances(of: database.object.name)
            admit(Actors.cnpgOperator(spec), nodes, DatabaseCluster.statusPort, "the operator polls each instance")
            connect(nodes, nodes, DatabaseCluster.postgresPort, "streaming replication between instances")
            reach(nodes, Actors.apiServer, 443, "the instance manager")
            if database.object.value("spec.backup.barmanObjectStore") != nil {
                reach(nodes, Actors.awsAPI, 443, "archiving WALs and base backups to S3")
                if database.object.value("spec.serviceAccountTemplate.metadata.annotations")?[MissingCloudIdentity.roleAnnotation] == nil {
                    reach(nodes, Actors.podIdentityAgent, 80, "the archive's AWS credentials through EKS Pod Identity")
                }
            }
            if database.object.value("spec.replica.enabled")?.boolValue == true {
                reach(nodes, Actors.otherRegion, DatabaseCluster.postgresPort, "a replica streams from its primary")
            } else if let declared = spec.database(named: database.object.name), DatabaseCluster.replication(of: declared, in: spec) != nil {
                admit(Actors.otherRegion, nodes, DatabaseCluster.postgresPort, "replicas in other regions stream from the primary")
            }
        }
        // Prometheus to every scraped port.
        for planned in index.objects("PodMonitor") + index.objects("ServiceMonitor") {
            let monitor = planned.object
            let namespaces = DanglingReference.monitoredNamespaces(monitor)
            let wanted = LabelSelector(monitor.value("spec.selector"))
            if monitor.kind == "PodMonitor" {
                for endpoint in monitor.value("spec.podMetricsEndpoints")?.listValue ?? [] {
                    for pod in index.pods(wanted, in: namespaces) {
                        if let port = endpoint["port"].flatMap(pod.resolve) { admit(Actors.prometheus(spec), [pod], port, "scraping \(monitor.name)") }
                    }
                }
            } else if monitor.kind == "ServiceMonitor" {
                for service in index.services(wanted, in: namespaces) {
                    let targets = index.pods(behind: service)
                    for endpoint in monitor.value("spec.endpoints")?.listValue ?? [] {
                        guard let name = endpoint["port"]?.stringValue,
                              let servicePort = (service.value("spec.ports")?.listValue ?? []).first(where: { $0["name"]?.stringValue == name }) else { continue }
                        let target = servicePort["targetPort"] ?? servicePort["port"] ?? .null
                        for pod in targets { if let port = pod.resolve(target) { admit(Actors.prometheus(spec), [pod], port, "scraping \(monitor.name)") } }
                    }
                }
            }
        }
        // The load balancer to what each Ingress routes to.
        for ingress in index.objects("Ingress").map(\.object) {
            for rule in ingress.value("spec.rules")?.listValue ?? [] {
                for path in rule["http"]?["paths"]?.listValue ?? [] {
                    guard let backend = path["backend"]?["service"], let name = backend["name"]?.stringValue,
                          let service = index.object("Service", name, namespace: ingress.namespace)?.object else { continue }
                    let servicePort = (service.value("spec.ports")?.listValue ?? []).first {
                        $0["name"] == backend["port"]?["name"] || $0["port"] == backend["port"]?["number"]
                    }
                    let target = servicePort?["targetPort"] ?? servicePort?["port"] ?? .null
                    for pod in index.pods(behind: service) {
                        if let port = pod.resolve(target) { admit(Actors.loadBalancer(spec), [pod], port, "Ingress \(ingress.name)") }
                    }
                }
            }
        }
        // Pods calling cloud and cluster APIs.
        for pod in ours where pod.owner.labels["app.kubernetes.io/component"] == DatabaseArchive.component {
            reach([pod], Actors.apiServer, 443, "asking CloudNativePG for a base backup")
        }
        for pod in ours {
            let isBackup = pod.owner.labels["app.kubernetes.io/component"] == "dr-backup"
            let isExternalDNS = pod.owner.name == ExternalDNS.name
            guard isBackup || isExternalDNS else { continue }
            reach([pod], Actors.awsAPI, 443, isBackup ? "uploading to S3" : "updating Route 53")
            reach([pod], Actors.apiServer, 443, isBackup ? "exporting the namespace's resources" : "watching Ingresses and Services")
            let account = pod.serviceAccount.flatMap { index.object("ServiceAccount", $0, namespace: pod.namespace) }
            if account?.object.annotations[MissingCloudIdentity.roleAnnotation] == nil {
                reach([pod], Actors.podIdentityAgent, 80, "its AWS credentials through EKS Pod Identity")
            }
            if isBackup, let backup = spec.regions?.backup {
                for database in backup.databases(in: spec) {
                    connect([pod], instances(of: database.name), DatabaseCluster.postgresPort, "dumping \(database.name)")
                }
                if let redis = backup.redis(in: spec) {
                    connect([pod], pods(named: redis.name), 6379, "snapshotting \(redis.name)")
                }
            }
        }
        return flows
    }
}
