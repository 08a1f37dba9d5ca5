/// A workload of the platform: a Deployment with its Service, config, secrets, autoscaling and metrics.
/// One without ports is a worker: it gets no Service and nothing routes to it.
public struct Service: Equatable, Sendable {
    public var name: String
    /// A pinned tag or digest.
    public var image: String
    public var priorityClass: String?
    public var ports: [Port]
    /// The container's entrypoint and its arguments; empty: the image's own.
    public var command: [String] = []
    public var args: [String] = []
    /// Plain environment variables (secrets go to `secrets`).
    public var env: [String: String] = [:]
    /// What the image needs of the hardened security context; nil: the defaults.
    public var securityContext: SecurityOverrides?
    /// Annotations of the service's ServiceAccount (a cloud role, for instance).
    public var serviceAccountAnnotations: [String: String] = [:]
    public var replicas: Int
    public var resources: Resources
    public var probes: Probes
    public var capacity: Capacity?
    public var volumes: [Volume]
    /// ConfigMap data.
    public var config: [String: String]
    public var secrets: ServiceSecrets?
    /// Names of services, databases, caches and external endpoints it talks to.
    public var dependsOn: [String]
    public var metrics: [Metric]
    public var disruption: Disruption?
    public var autoscaling: Autoscaling?
    public var source: SourceMap

    public init(name: String, image: String, priorityClass: String? = nil, ports: [Port], replicas: Int = 1,
                resources: Resources, probes: Probes, capacity: Capacity? = nil, volumes: [Volume] = [],
                config: [String: String] = [:], secrets: ServiceSecrets? = nil, dependsOn: [String] = [],
                metrics: [Metric] = [], disruption: Disruption? = nil, autoscaling: Autoscaling? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
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

    /// Whether it listens on nothing: no Service, no route, no HTTP probe.
    public var isWorker: Bool { ports.isEmpty }

    /// The fewest replicas it can run with.
    public var minReplicas: Int { autoscaling?.min ?? replicas }
    /// The most replicas it can run with.
    public var maxReplicas: Int { autoscaling?.max ?? replicas }
}

/// A named container port.
public struct Port: Equatable, Sendable {
    public var name: String
    public var port: Int
    public var source: SourceMap
    public init(name: String, port: Int, fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.port = port
    }
}

/// Readiness, liveness and (optionally) startup probes.
public struct Probes: Equatable, Sendable {
    public var readiness: Probe
    public var liveness: Probe
    /// Holds the other two back until a slow start is over.
    public var startup: Probe?
    public var source: SourceMap
    public init(readiness: Probe, liveness: Probe, startup: Probe? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.readiness = readiness
        self.liveness = liveness
        self.startup = startup
    }

    /// The probes with their roles, in the order Kubernetes runs them.
    public var all: [(role: String, probe: Probe)] {
        (startup.map { [("startup", $0)] } ?? []) + [("readiness", readiness), ("liveness", liveness)]
    }
}

/// A probe: an HTTP GET, a TCP connect or a gRPC health check on a named port, or a command.
public struct Probe: Equatable, Sendable {
    /// What the kubelet does to probe.
    public enum Check: Equatable, Sendable {
        /// `path` and `port`: an HTTP GET.
        case http(path: String, port: String)
        /// `tcpSocket`: a TCP connect to the port.
        case tcp(port: String)
        /// `grpc` (and `service`): the gRPC health checking protocol on the port.
        case grpc(port: String, service: String?)
        /// `exec`: a command in the container that exits 0.
        case exec(command: [String])
    }

    public var check: Check
    public var initialDelay: Duration
    public var period: Duration
    public var source: SourceMap
    public init(_ check: Check, initialDelay: Duration = .seconds(0), period: Duration = .seconds(10),
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.check = check
        self.initialDelay = initialDelay
        self.period = period
    }
    /// An HTTP GET probe.
    public init(path: String, port: String, initialDelay: Duration = .seconds(0), period: Duration = .seconds(10),
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.init(.http(path: path, port: port), initialDelay: initialDelay, period: period,
                  fileID: fileID, line: line, column: column)
    }

    /// The named port it probes; nil for a command.
    public var port: String? {
        switch check {
        case let .http(_, port), let .tcp(port), let .grpc(port, _): port
        case .exec: nil
        }
    }

    /// The spec key that holds the port name.
    public var portKey: String {
        switch check {
        case .http: "port"
        case .tcp: "tcpSocket"
        case .grpc: "grpc"
        case .exec: "exec"
        }
    }
}

/// What an image needs of the hardened security context: the rest stays as bizra-gen sets it
/// (non-root, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp).
public struct SecurityOverrides: Equatable, Sendable {
    /// The user the image runs as (never 0: the namespace enforces the restricted Pod Security level).
    public var runAsUser: Int?
    public var runAsGroup: Int?
    public var fsGroup: Int?
    /// False for an image that writes outside its volumes and /tmp.
    public var readOnlyRootFilesystem: Bool?
    /// Capabilities added back; the restricted level admits `NET_BIND_SERVICE` alone.
    public var addCapabilities: [String]
    public var source: SourceMap
    /// The capabilities the restricted Pod Security level lets a container add
    /// (kubernetes/website `content/en/docs/concepts/security/pod-security-standards.md`).
    public static let admittedCapabilities = ["NET_BIND_SERVICE"]
    public init(runAsUser: Int? = nil, runAsGroup: Int? = nil, fsGroup: Int? = nil, readOnlyRootFilesystem: Bool? = nil,
                addCapabilities: [String] = [],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.runAsUser = runAsUser
        self.runAsGroup = runAsGroup
        self.fsGroup = fsGroup
        self.readOnlyRootFilesystem = readOnlyRootFilesystem
        self.addCapabilities = addCapabilities
    }
}

/// Measured per-replica throughput, for the capacity checks.
public struct Capacity: Equatable, Sendable {
    public var rpsPerReplica: Int
    /// The part of `sla.throughput.peak` it carries, for a service behind another; nil: what the
    /// public routes send it (nothing, for one no route reaches).
    public var share: Percent?
    public var source: SourceMap
    public init(rpsPerReplica: Int, share: Percent? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.rpsPerReplica = rpsPerReplica
        self.share = share
    }
}

/// A persistent volume mounted into the service.
public struct Volume: Equatable, Sendable {
    public var name: String
    public var mountPath: String
    public var size: ByteSize
    /// The StorageClass of the claim; nil: ``defaultSharedStorageClass`` when replicas share it,
    /// the cluster's default class otherwise.
    public var storageClass: String?
    public var source: SourceMap
    /// The class a volume shared by several replicas gets: the AWS EFS CSI driver's conventional
    /// class, since EBS volumes attach to one node only (kubernetes-csi docs `drivers.md`).
    public static let defaultSharedStorageClass = "efs-sc"
    public init(name: String, mountPath: String, size: ByteSize, storageClass: String? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
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
    public var source: SourceMap
    public init(store: String, refreshInterval: Duration = .hours(1), keys: [String: String],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
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
    public var source: SourceMap
    public init(name: String, type: Kind, labels: [String] = [],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.type = type
        self.labels = labels
    }
}

/// The PodDisruptionBudget.
public struct Disruption: Equatable, Sendable {
    public var minAvailable: Int
    public var source: SourceMap
    public init(minAvailable: Int, fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.minAvailable = minAvailable
    }
}
