/// A workload of the platform: a Deployment with its Service, config, secrets, autoscaling and metrics.
public struct Service: Equatable, Sendable {
    public var name: String
    /// A pinned tag or digest.
    public var image: String
    public var priorityClass: String?
    public var ports: [Port]
    public var replicas: Int
    public var resources: Resources
    public var probes: Probes
    public var capacity: Capacity?
    public var volumes: [Volume]
    /// ConfigMap data.
    public var config: [String: String]
    public var secrets: ServiceSecrets?
    /// Names of services, databases and caches it talks to.
    public var dependsOn: [String]
    public var metrics: [Metric]
    public var disruption: Disruption?
    public var autoscaling: Autoscaling?
    public var source = SourceMap()

    public init(name: String, image: String, priorityClass: String? = nil, ports: [Port], replicas: Int = 1,
                resources: Resources, probes: Probes, capacity: Capacity? = nil, volumes: [Volume] = [],
                config: [String: String] = [:], secrets: ServiceSecrets? = nil, dependsOn: [String] = [],
                metrics: [Metric] = [], disruption: Disruption? = nil, autoscaling: Autoscaling? = nil) {
        self.name = name
        self.image = image
        self.priorityClass = priorityClass
        self.ports = ports
        self.replicas = replicas
        self.resources = resources
        self.probes = probes
        self.capacity = capacity
        self.volumes = volumes
        self.config = config
        self.secrets = secrets
        self.dependsOn = dependsOn
        self.metrics = metrics
        self.disruption = disruption
        self.autoscaling = autoscaling
    }

    public func port(named name: String) -> Port? { ports.first { $0.name == name } }

    /// The fewest replicas it can run with.
    public var minReplicas: Int { autoscaling?.min ?? replicas }
    /// The most replicas it can run with.
    public var maxReplicas: Int { autoscaling?.max ?? replicas }
}

/// A named container port.
public struct Port: Equatable, Sendable {
    public var name: String
    public var port: Int
    public var source = SourceMap()
    public init(name: String, port: Int) {
        self.name = name
        self.port = port
    }
}

/// Readiness and liveness probes.
public struct Probes: Equatable, Sendable {
    public var readiness: Probe
    public var liveness: Probe
    public var source = SourceMap()
    public init(readiness: Probe, liveness: Probe) {
        self.readiness = readiness
        self.liveness = liveness
    }
}

/// An HTTP GET probe on a named port.
public struct Probe: Equatable, Sendable {
    public var path: String
    public var port: String
    public var initialDelay: Duration
    public var period: Duration
    public var source = SourceMap()
    public init(path: String, port: String, initialDelay: Duration = .seconds(0), period: Duration = .seconds(10)) {
        self.path = path
        self.port = port
        self.initialDelay = initialDelay
        self.period = period
    }
}

/// Measured per-replica throughput, for the capacity checks.
public struct Capacity: Equatable, Sendable {
    public var rpsPerReplica: Int
    public var source = SourceMap()
    public init(rpsPerReplica: Int) { self.rpsPerReplica = rpsPerReplica }
}

/// A persistent volume mounted into the service.
public struct Volume: Equatable, Sendable {
    public var name: String
    public var mountPath: String
    public var size: ByteSize
    /// The StorageClass of the claim; nil: ``defaultSharedStorageClass`` when replicas share it,
    /// the cluster's default class otherwise.
    public var storageClass: String?
    public var source = SourceMap()
    /// The class a volume shared by several replicas gets: the AWS EFS CSI driver's conventional
    /// class, since EBS volumes attach to one node only (kubernetes-csi docs `drivers.md`).
    public static let defaultSharedStorageClass = "efs-sc"
    public init(name: String, mountPath: String, size: ByteSize, storageClass: String? = nil) {
        self.name = name
        self.mountPath = mountPath
        self.size = size
        self.storageClass = storageClass
    }
}

/// Secrets by reference: environment key to path in the external store.
public struct ServiceSecrets: Equatable, Sendable {
    public var store: String
    public var refreshInterval: Duration
    public var keys: [String: String]
    public var source = SourceMap()
    public init(store: String, refreshInterval: Duration = .hours(1), keys: [String: String]) {
        self.store = store
        self.refreshInterval = refreshInterval
        self.keys = keys
    }
}

/// A metric the service exports.
public struct Metric: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable, CaseIterable {
        case counter, gauge, histogram, summary
    }
    public var name: String
    public var type: Kind
    public var labels: [String]
    public var source = SourceMap()
    public init(name: String, type: Kind, labels: [String] = []) {
        self.name = name
        self.type = type
        self.labels = labels
    }
}

/// The PodDisruptionBudget.
public struct Disruption: Equatable, Sendable {
    public var minAvailable: Int
    public var source = SourceMap()
    public init(minAvailable: Int) { self.minAvailable = minAvailable }
}
