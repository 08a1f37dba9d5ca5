import BizraSpec

/// What the services' namespace holds with every workload at its maximum: services at their
/// `maxReplicas`, every database instance, every Redis node and every Varnish replica. Amounts come
/// from the spec (`resources`, `memoryPerNode`, `memory`); where the spec states no amount (the CPU of
/// Redis and Varnish, their exporter sidecars) the allowances the generator emits are used.
public struct NamespaceFootprint: Sendable {
    /// One workload at its maximum.
    public struct Workload: Sendable {
        /// "service bizra-node0", "database postgres".
        public var what: String
        public var pods: Int
        /// Per pod, all containers.
        public var requests: ResourceAmounts
        public var limits: ResourceAmounts
        /// Where its size is written.
        public var location: SourceLocation?
    }

    /// Container allowances the spec does not state, per pod.
    public enum Allowance {
        public static let redisRequests = ResourceAmounts(cpu: CPU(millicores: 250), memory: .mebibytes(0))
        public static let redisLimits = ResourceAmounts(cpu: .cores(1), memory: .mebibytes(0))
        public static let redisExporterRequests = ResourceAmounts(cpu: CPU(millicores: 50), memory: .mebibytes(64))
        public static let redisExporterLimits = ResourceAmounts(cpu: CPU(millicores: 200), memory: .mebibytes(128))
        public static let varnishRequests = ResourceAmounts(cpu: CPU(millicores: 250), memory: .mebibytes(0))
        public static let varnishLimits = ResourceAmounts(cpu: .cores(2), memory: .mebibytes(0))
        public static let varnishExporterRequests = ResourceAmounts(cpu: CPU(millicores: 50), memory: .mebibytes(32))
        public static let varnishExporterLimits = ResourceAmounts(cpu: CPU(millicores: 200), memory: .mebibytes(128))
    }

    public var workloads: [Workload]

    public init(_ spec: Spec) {
        var workloads: [Workload] = []
        for service in spec.services {
            workloads.append(Workload(what: "service \(service.name)", pods: service.maxReplicas,
                                      requests: service.resources.requests, limits: service.resources.limits,
                                      location: service.autoscaling.map { $0.source["max"] } ?? service.source["replicas"]))
        }
        for database in spec.databases {
            workloads.append(Workload(what: "database \(database.name)", pods: database.instances,
                                      requests: database.resources.requests, limits: database.resources.limits,
                                      location: database.source["instances"]))
        }
        if let redis = spec.caching?.redis {
            let memory = ResourceAmounts(cpu: CPU(millicores: 0), memory: redis.memoryPerNode)
            var requests = Self.sum(memory, Allowance.redisRequests), limits = Self.sum(memory, Allowance.redisLimits)
            if redis.exporter {
                requests = Self.sum(requests, Allowance.redisExporterRequests)
                limits = Self.sum(limits, Allowance.redisExporterLimits)
            }
            workloads.append(Workload(what: "Redis cluster \(redis.name)", pods: redis.nodes, requests: requests,
                                      limits: limits, location: redis.source["masters"]))
        }
        if let varnish = spec.caching?.varnish {
            let memory = ResourceAmounts(cpu: CPU(millicores: 0), memory: varnish.memory)
            workloads.append(Workload(
                what: "Varnish \(varnish.name)", pods: varnish.replicas,
                requests: Self.sum(Self.sum(memory, Allowance.varnishRequests), Allowance.varnishExporterRequests),
                limits: Self.sum(Self.sum(memory, Allowance.varnishLimits), Allowance.varnishExporterLimits),
                location: varnish.source["replicas"]))
        }
        self.workloads = workloads
    }

    public var pods: Int { workloads.reduce(0) { $0 + $1.pods } }
    public var requests: ResourceAmounts { total(\.requests) }
    public var limits: ResourceAmounts { total(\.limits) }

    private func total(_ amounts: KeyPath<Workload, ResourceAmounts>) -> ResourceAmounts {
        workloads.reduce(ResourceAmounts(cpu: CPU(millicores: 0), memory: ByteSize(bytes: 0))) {
            ResourceAmounts(cpu: $0.cpu + $1[keyPath: amounts].cpu * Int64($1.pods),
                            memory: $0.memory + $1[keyPath: amounts].memory * Int64($1.pods))
        }
    }

    /// `50 × 500m (service bizra-node0) + 3 × 1 (database postgres)`, for messages.
    public func breakdown(_ part: (ResourceAmounts) -> String, of amounts: KeyPath<Workload, ResourceAmounts>) -> String {
        workloads.map { "\($0.pods) × \(part($0[keyPath: amounts])) (\($0.what))" }.joined(separator: " + ")
    }

    static func sum(_ a: ResourceAmounts, _ b: ResourceAmounts) -> ResourceAmounts {
        ResourceAmounts(cpu: a.cpu + b.cpu, memory: a.memory + b.memory)
    }
}
