import BizraSpec

/// The NetworkPolicies of the services' namespace: deny everything, then allow exactly what the
/// model says talks: each service to its `dependsOn` targets, Varnish to its backend, the ingress
/// controller to the entry point, Prometheus to every metrics port (services, databases, the
/// Redis and Varnish exporters), the database and Redis clusters to their peers (and the Redis
/// bootstrap Job and KEDA to Redis), DNS, and OTLP to the observability namespace when tracing exists.
///
/// An allow between two pods of the namespace needs both ends opened: the target's ingress
/// (policy `allow-a-to-b`) and the source's egress (policy `allow-a-to-b-egress`).
public struct NetworkPolicyPlan {
    /// The Redis client and cluster-bus ports.
    public static let redisPorts = [RedisClusterPlan.clientPort, RedisClusterPlan.busPort]
    /// The ports the Kubernetes API server listens on.
    public static let apiServerPorts = [443, 6443]

    public let context: PlanContext

    public init(context: PlanContext) { self.context = context }

    /// The allowed traffic, in a stable order.
    public var allows: [NetworkAllow] {
        var allows: [NetworkAllow] = []
        let spec = context.spec
        for service in spec.services {
            for target in service.dependsOn {
                if let external = spec.external(named: target) {
                    allows.append(Self.egress(from: pods(service.name), named: "allow-\(service.name)-to-\(target)", to: external))
                    continue
                }
                guard let (to, ports) = endpoint(named: target) else { continue }
                allows.append(NetworkAllow(name: "allow-\(service.name)-to-\(target)", from: pods(service.name), to: to, ports: ports))
            }
        }
        if let varnish = spec.caching?.varnish, let backend = spec.service(named: varnish.backend.service) {
            let port = backend.port(named: varnish.backend.port).map { NetworkAllow.Port.tcp($0.port) }
                ?? NetworkAllow.Port(.name(varnish.backend.port))
            allows.append(NetworkAllow(name: "allow-\(varnish.name)-to-\(backend.name)", from: pods(varnish.name),
                                       to: pods(backend.name), ports: [port]))
        }
        var balanced: [String: [NetworkAllow.Port]] = [:]
        var balancedOrder: [String] = []
        for backend in ServicesIngressPlanner.routeBackends(spec) {
            let port = NetworkAllow.Port(.name(backend.port))
            if balanced[backend.service] == nil { balancedOrder.append(backend.service) }
            if !(balanced[backend.service] ?? []).contains(port) { balanced[backend.service, default: []].append(port) }
        }
        for service in balancedOrder {
            allows.append(NetworkAllow(name: "allow-load-balancer-to-\(service)", from: Self.loadBalancer(spec.platform.cluster.ingress),
                                       to: pods(service), ports: balanced[service] ?? []))
        }
        let conventions = spec.platform.cluster
        let prometheus = NetworkAllow.Peer.namespace(conventions.prometheus.namespace, pods: conventions.prometheus.podLabels)
        for service in spec.services {
            guard let metrics = service.port(named: "metrics") else { continue }
            allows.append(NetworkAllow(name: "allow-prometheus-to-\(service.name)", from: prometheus,
                                       to: pods(service.name), ports: [.tcp(metrics.port)]))
        }
        for database in spec.databases {
            let instances = databasePods(database.name)
            allows.append(NetworkAllow(name: "allow-prometheus-to-\(database.name)", from: prometheus, to: instances,
                                       ports: [.tcp(DatabaseCluster.metricsPort)]))
            allows.append(NetworkAllow(name: "allow-\(database.name)-to-\(database.name)", from: instances, to: instances,
                                       ports: [.tcp(DatabaseCluster.postgresPort), .tcp(DatabaseCluster.statusPort)]))
            allows.append(NetworkAllow(name: "allow-cnpg-operator-to-\(database.name)",
                                       from: .namespace(conventions.operators.cloudnativePG, pods: nil), to: instances,
                                       ports: [.tcp(DatabaseCluster.postgresPort), .tcp(DatabaseCluster.statusPort)]))
            allows.append(NetworkAllow(name: "allow-\(database.name)-to-kube-apiserver", from: instances, to: .anywhere,
                                       ports: Self.apiServerPorts.map(NetworkAllow.Port.tcp)))
        }
        for replication in spec.regions?.replication.postgres ?? [] where spec.database(named: replication.source) != nil && !replication.replicas.isEmpty {
            guard let primary = spec.regions?.primary else { break }
            // Replicas in other regions stream from the primary through its internal load balancer.
            let instances = databasePods(replication.source)
            let port = [NetworkAllow.Port.tcp(DatabaseCluster.postgresPort)]
            allows.append(NetworkAllow(name: "allow-replicas-to-\(replication.source)", from: .privateNetworks, to: instances,
                                       ports: port, placement: .only(primary)))
            allows.append(NetworkAllow(name: "allow-\(replication.source)-to-primary", from: instances, to: .privateNetworks,
                                       ports: port, placement: .clusters(Set(replication.replicas))))
        }
        if let backup = spec.regions?.backup {
            // The DR backup's dumps: its own egress policy lets it out, these let it in.
            let job = pods(DisasterRecoveryBackup.name(context))
            let primary = Placement.only(context.primaryCluster)
            let dumped = backup.databases(in: spec)
            for database in dumped {
                allows.append(NetworkAllow(name: "allow-dr-backup-to-\(database.name)", from: job, to: databasePods(database.name),
                                           ports: [.tcp(DatabaseCluster.postgresPort)], placement: primary))
            }
            for archived in dumped where context.cloudIdentity(serviceAccount: archived.name).isEmpty {
                // The instances archive their WALs with the credentials of their Pod Identity association.
                allows.append(NetworkAllow(name: "allow-\(archived.name)-to-pod-identity-agent", from: databasePods(archived.name),
                                           to: .addresses(["169.254.170.23/32"]), ports: [.tcp(80)], placement: primary))
            }
            if let redis = backup.redis(in: spec) {
                allows.append(NetworkAllow(name: "allow-dr-backup-to-\(redis.name)", from: job, to: pods(redis.name),
                                           ports: [.tcp(RedisClusterPlan.clientPort)], placement: primary))
            }
        }
        if let redis = spec.caching?.redis {
            let redisPorts = Self.redisPorts.map(NetworkAllow.Port.tcp)
            allows.append(NetworkAllow(name: "allow-\(redis.name)-to-\(redis.name)", from: pods(redis.name),
                                       to: pods(redis.name), ports: redisPorts))
            let bootstrap = RedisBootstrap.name(redis)
            allows.append(NetworkAllow(name: "allow-\(bootstrap)-to-\(redis.name)", from: pods(bootstrap),
                                       to: pods(redis.name), ports: redisPorts))
            if Self.kedaReadsRedis(redis, spec) {
                allows.append(NetworkAllow(name: "allow-keda-to-\(redis.name)", from: .namespace(conventions.operators.keda, pods: nil),
                                           to: pods(redis.name), ports: [.tcp(RedisClusterPlan.clientPort)]))
            }
            if redis.exporter {
                allows.append(NetworkAllow(name: "allow-prometheus-to-\(redis.name)", from: prometheus, to: pods(redis.name),
                                           ports: [.tcp(RedisClusterPlan.exporterPort)]))
            }
        }
        if let varnish = spec.caching?.varnish {
            allows.append(NetworkAllow(name: "allow-prometheus-to-\(varnish.name)", from: prometheus, to: pods(varnish.name),
                                       ports: [.tcp(VarnishPlan.exporterPort)]))
            if let allowFrom = varnish.purge?.allowFrom, !allowFrom.isEmpty {
                allows.append(NetworkAllow(name: "allow-purge-to-\(varnish.name)", from: .addresses(allowFrom),
                                           to: pods(varnish.name), ports: [.tcp(VarnishPlan.purgePort)]))
            }
        }
        allows.append(NetworkAllow(name: "allow-dns-egress", from: .allPods, to: .namespace("kube-system", pods: nil),
                                   ports: [NetworkAllow.Port(.number(53), protocol: "UDP"), .tcp(53)]))
        if let observability = spec.observability, let tracing = observability.tracing {
            allows.append(NetworkAllow(name: "allow-otlp-egress", from: .allPods,
                                       to: .namespace(observability.namespace, pods: nil),
                                       ports: [.tcp(tracing.jaeger.otlp.grpc), .tcp(tracing.jaeger.otlp.http)]))
        }
        return allows
    }

    /// The default deny and one or two policies per allow.
    public func objects() -> [KubernetesObject] {
        var objects = [policy(name: "default-deny", podSelector: .allPods, body: ["policyTypes": ["Ingress", "Egress"]])]
        for allow in allows {
            let rulePorts = YAMLValue.list(allow.ports.map(Self.port))
            if allow.to.isLocal {
                var rule: YAMLMap = [:]
                if let from = Self.peers(allow.from) { rule.set("from", .list(from)) }
                rule.set("ports", rulePorts)
                var object = policy(name: allow.name, podSelector: allow.to,
                                    body: ["policyTypes": ["Ingress"], "ingress": [.map(rule)]])
                object.placement = allow.placement
                objects.append(object)
            }
            if allow.from.isLocal {
                var rule: YAMLMap = [:]
                if let to = Self.peers(allow.to) { rule.set("to", .list(to)) }
                rule.set("ports", rulePorts)
                var object = policy(name: allow.to.isLocal ? "\(allow.name)-egress" : allow.name, podSelector: allow.from,
                                    body: ["policyTypes": ["Egress"], "egress": [.map(rule)]])
                object.placement = allow.placement
                if let note = allow.note { object.annotations[Self.egressNoteAnnotation] = note }
                objects.append(object)
            }
        }
        return objects
    }

    /// Where the public traffic reaches the pods from: an ALB's nodes send from the VPC's own
    /// addresses straight to the pods (target type ip); ingress-nginx from its controller's pods.
    static func loadBalancer(_ ingress: ClusterConventions.Ingress) -> NetworkAllow.Peer {
        switch ingress.controller {
        case .awsLoadBalancer: .privateNetworks
        case .nginx: .namespace(ingress.effectiveNamespace, pods: PublicIngress.nginxControllerPods)
        }
    }

    /// The annotation that says what an egress policy by host name admits.
    public static let egressNoteAnnotation = "bizra-gen/egress"

    /// A service's way out to an external endpoint: its CIDRs, or, for a host name (which a
    /// NetworkPolicy cannot match: networking.k8s.io/v1 peers are pods, namespaces and ipBlocks),
    /// every public address on its port, said in the policy's annotation.
    static func egress(from: NetworkAllow.Peer, named name: String, to external: ExternalEndpoint) -> NetworkAllow {
        let ports = [NetworkAllow.Port(.number(external.port), protocol: external.protocol.rawValue)]
        guard external.cidrs.isEmpty, let host = external.host else {
            return NetworkAllow(name: name, from: from, to: .addresses(external.cidrs), ports: ports)
        }
        let internet = ExternalEndpoint.publicAddresses
        return NetworkAllow(name: name, from: from, to: .addressesExcept(internet.cidr, except: internet.except), ports: ports,
                            note: "\(host):\(external.port)/\(external.protocol.rawValue); a NetworkPolicy cannot match host names, "
                                + "so this admits every public address on the port; a CNI with DNS-aware policies "
                                + "(Cilium toFQDNs, Calico domains) can narrow it to the host")
    }

    /// Whether a service scales on a list of this Redis (KEDA then connects to it).
    static func kedaReadsRedis(_ redis: Redis, _ spec: Spec) -> Bool {
        spec.services.contains { service in
            guard let autoscaling = service.autoscaling, autoscaling.engine == .keda else { return false }
            return autoscaling.triggers.contains {
                if case let .redis(_, _, connection) = $0.kind { connection == redis.name } else { false }
            }
        }
    }

    func pods(_ name: String) -> NetworkAllow.Peer { .pods(context.selector(name: name)) }

    func databasePods(_ name: String) -> NetworkAllow.Peer { .pods([DatabaseCluster.clusterLabel: name]) }

    /// The pods and ports behind a `dependsOn` name: a service, a database or the Redis cluster.
    func endpoint(named name: String) -> (NetworkAllow.Peer, [NetworkAllow.Port])? {
        if let service = context.spec.service(named: name), !service.isWorker {
            return (pods(name), service.ports.map { .tcp($0.port) })
        }
        if context.spec.database(named: name) != nil {
            return (databasePods(name), [.tcp(DatabaseCluster.postgresPort)])
        }
        if let redis = context.spec.caching?.redis, redis.name == name {
            return (pods(name), Self.redisPorts.map(NetworkAllow.Port.tcp))
        }
        return nil
    }

    func policy(name: String, podSelector: NetworkAllow.Peer, body: YAMLMap) -> KubernetesObject {
        var spec: YAMLMap = ["podSelector": Self.selector(podSelector)]
        for entry in body.entries { spec.set(entry.key, entry.value) }
        return KubernetesObject(apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", name: name,
                                namespace: context.namespace, labels: context.labels(component: "network-policy", name: name),
                                annotations: [:], body: ["spec": .map(spec)])
    }

    static func selector(_ peer: NetworkAllow.Peer) -> YAMLValue {
        if case let .pods(labels) = peer { return ["matchLabels": CoreObjects.labelMap(labels)] }
        return .map(YAMLMap())
    }

    /// The `from`/`to` entries of a peer; nil for any address (the rule then has no peer list).
    static func peers(_ peer: NetworkAllow.Peer) -> [YAMLValue]? {
        switch peer {
        case .pods, .allPods:
            return [["podSelector": selector(peer)]]
        case let .namespace(namespace, pods):
            var entry: YAMLMap = ["namespaceSelector": ["matchLabels": ["kubernetes.io/metadata.name": .string(namespace)]]]
            if let pods { entry.set("podSelector", ["matchLabels": CoreObjects.labelMap(pods)]) }
            return [.map(entry)]
        case let .addresses(cidrs):
            return cidrs.map { ["ipBlock": ["cidr": .string($0)]] }
        case let .addressesExcept(cidr, except):
            return [["ipBlock": ["cidr": .string(cidr), "except": .list(except.map(YAMLValue.string))]]]
        case .anywhere:
            return nil
        }
    }

    static func port(_ port: NetworkAllow.Port) -> YAMLValue {
        let value: YAMLValue = switch port.value {
        case let .number(number): .int(number)
        case let .name(name): .string(name)
        }
        return ["protocol": .string(port.networkProtocol), "port": value]
    }
}
