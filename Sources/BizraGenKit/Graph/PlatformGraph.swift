import BizraSpec

/// The reference graph of a spec: services, databases, caches (Redis, Varnish), regions (each its
/// own cluster, with its kubectl context), the DNS zone, chaos and backups, and the references
/// between them (dependsOn, the Varnish backend, database replicas in their regions' clusters,
/// the chaos target and the clusters it runs in, trigger connections, DNS weights, backup copies).
/// Nodes and edges come in spec order, so the drawing is deterministic.
public struct PlatformGraph: Equatable, Sendable {
    /// What a node stands for; it sets the node's shape.
    public enum Kind: String, Equatable, Sendable {
        case service, database, redis, varnish, region, dns, chaos, backup
        /// A name that a reference uses and nothing in the spec defines.
        case unresolved
    }

    public struct Node: Equatable, Sendable {
        /// `kind/name`, unique in the graph.
        public var id: String
        public var kind: Kind
        public var name: String
        /// A second line: replicas, engine, weight.
        public var detail: String
    }

    public struct Edge: Equatable, Sendable {
        public var from: String
        public var to: String
        /// The reference: `dependsOn`, `backend :http`, `replica`, `chaos target`, `trigger validation-queue`, `70%`.
        public var label: String
        /// Drawn dashed: standby and failover paths.
        public var dashed: Bool
    }

    public private(set) var name: String
    public private(set) var nodes: [Node] = []
    public private(set) var edges: [Edge] = []

    public init(spec: Spec) {
        name = spec.platform.name
        for service in spec.services {
            let replicas = service.autoscaling.map { "\($0.min)-\($0.max) replicas" } ?? "\(service.replicas) replicas"
            add(.service, service.name, replicas)
        }
        for database in spec.databases {
            add(.database, database.name, "\(database.engine.rawValue) \(database.version), \(database.instances) instances")
        }
        if let redis = spec.caching?.redis {
            add(.redis, redis.name, "redis cluster, \(redis.masters)x\(1 + redis.replicasPerMaster) nodes")
        }
        if let varnish = spec.caching?.varnish {
            add(.varnish, varnish.name, "varnish, \(varnish.replicas) replicas")
        }
        if let regions = spec.regions {
            for region in regions.list {
                var detail = "cluster \(region.clusterContext), \(region.weight)%"
                if region.name == regions.primary { detail += ", primary" }
                if region.canary { detail += ", canary" }
                if region.standby { detail += ", standby" }
                add(.region, region.name, detail)
            }
            add(.dns, regions.dns.zone, "\(regions.dns.provider), ttl \(regions.dns.ttl)")
        }

        for service in spec.services {
            for target in service.dependsOn {
                link(id(.service, service.name), to: resolve(target, spec), "dependsOn")
            }
            for trigger in service.autoscaling?.triggers ?? [] {
                if case let .redis(_, _, connection) = trigger.kind {
                    link(id(.service, service.name), to: resolve(connection, spec), "trigger \(trigger.name)")
                }
            }
        }
        if let varnish = spec.caching?.varnish {
            link(id(.varnish, varnish.name), to: resolve(varnish.backend.service, spec), "backend :\(varnish.backend.port)")
        }
        if let regions = spec.regions {
            for region in regions.list {
                link(id(.dns, regions.dns.zone), to: resolveRegion(region.name, spec), "\(region.weight)%", dashed: region.standby)
            }
            for replication in regions.replication.postgres {
                for target in replication.replicas {
                    link(resolve(replication.source, spec), to: resolveRegion(target, spec), "replica", dashed: true)
                }
            }
            if let backup = regions.backup {
                add(.backup, backup.bucket, "every \(backup.schedule.expression)")
                for target in backup.replicateTo {
                    link(id(.backup, backup.bucket), to: resolveRegion(target, spec), "copy", dashed: true)
                }
            }
        }
        if let chaos = spec.chaos {
            let name = chaos.workflow?.name ?? "chaos"
            add(.chaos, name, "\(chaos.experiments.count) experiments\(chaos.paused ? ", paused" : "")")
            link(id(.chaos, name), to: resolve(chaos.target, spec), "chaos target")
            if spec.regions != nil {
                for cluster in PlanContext(spec: spec).chaosClusters {
                    link(id(.chaos, name), to: resolveRegion(cluster, spec), "runs in", dashed: true)
                }
            }
        }
    }

    /// The node id for a kind and name.
    public func id(_ kind: Kind, _ name: String) -> String { "\(kind.rawValue)/\(name)" }

    private mutating func add(_ kind: Kind, _ name: String, _ detail: String) {
        let id = id(kind, name)
        guard !nodes.contains(where: { $0.id == id }) else { return }
        nodes.append(Node(id: id, kind: kind, name: name, detail: detail))
    }

    private mutating func link(_ from: String, to: String, _ label: String, dashed: Bool = false) {
        let edge = Edge(from: from, to: to, label: label, dashed: dashed)
        if !edges.contains(edge) { edges.append(edge) }
    }

    /// The node a name refers to: a service, database or cache; an unresolved node otherwise.
    private mutating func resolve(_ name: String, _ spec: Spec) -> String {
        if spec.service(named: name) != nil { return id(.service, name) }
        if spec.database(named: name) != nil { return id(.database, name) }
        if spec.caching?.redis?.name == name { return id(.redis, name) }
        if spec.caching?.varnish?.name == name { return id(.varnish, name) }
        add(.unresolved, name, "not defined")
        return id(.unresolved, name)
    }

    private mutating func resolveRegion(_ name: String, _ spec: Spec) -> String {
        if spec.regions?.region(named: name) != nil { return id(.region, name) }
        add(.unresolved, name, "not a region")
        return id(.unresolved, name)
    }
}
