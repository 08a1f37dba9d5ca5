/// A workload of the platform: a Deployment with its Service, config, secrets, autoscaling and metrics.
/// One without ports is a worker: it gets no Service and nothing routes to it.
public struct Service: Equatable, Sendable {
    /// The service's name.
    public var name: String
    /// A pinned tag or digest.
    public var image: String
    /// One of `platform.priorityClasses`; nil: none.
    public var priorityClass: String?
    /// Named container ports; none for a worker (no Service, nothing routes to it).
    public var ports: [Port]
    /// The container's entrypoint; empty: the image's own.
    public var command: [String]
    /// Its arguments; empty: the image's.
    public var args: [String]
    /// Plain environment variables (secrets go to `secrets`).
    public var env: [String: String]
    /// What the image needs of the hardened security context; nil: the defaults.
    public var securityContext: SecurityOverrides?
    /// The service's ServiceAccount; nil: one without annotations.
    public var serviceAccount: ServiceAccount?
    /// Replicas without autoscaling (default 1).
    public var replicas: Int
    /// The container's requests and limits.
    public var resources: Resources
    /// Readiness, liveness and startup probes.
    public var probes: Probes
    /// Measured capacity, which feeds the capacity checks; nil: not measured.
    public var capacity: Capacity?
    /// Persistent volumes.
    public var volumes: [Volume]
    /// ConfigMap data.
    public var config: [String: String]
    /// An ExternalSecret: references only, never values; nil: none.
    public var secrets: ServiceSecrets?
    /// Names of services, databases, caches and external endpoints it talks to.
    public var dependsOn: [String]
    /// Metrics it exports; every PromQL query is checked against these.
    public var metrics: [Metric]
    /// The PodDisruptionBudget; nil: none.
    public var disruption: Disruption?
    /// How the service scales, plus a VPA; nil: a fixed `replicas`.
    public var autoscaling: Autoscaling?
    /// Where the service and each of its keys were written.
    public var source: SourceMap

    /// A service, located at the place of the call.
    public init(name: String, image: String, priorityClass: (any SpecReference)? = nil, ports: [Port] = [],
                command: [String] = [], args: [String] = [], env: [String: String] = [:],
                securityContext: SecurityOverrides? = nil, serviceAccount: ServiceAccount? = nil, replicas: Int = 1,
                resources: Resources, probes: Probes, capacity: Capacity? = nil, volumes: [Volume] = [],
                config: [String: String] = [:], secrets: ServiceSecrets? = nil, dependsOn: [any SpecReference] = [],
                metrics: [Metric] = [], disruption: Disruption? = nil, autoscaling: Autoscaling? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.image = image
        self.priorityClass = priorityClass.referenceName
        self.ports = ports
        self.command = command
        self.args = args
        self.env = env
        self.securityContext = securityContext
        self.serviceAccount = serviceAccount
        self.replicas = replicas
        self.resources = resources
        self.probes = probes
        self.capacity = capacity
        self.volumes = volumes
        self.config = config
        self.secrets = secrets
        self.dependsOn = dependsOn.referenceNames
        self.metrics = metrics
        self.disruption = disruption
        self.autoscaling = autoscaling
    }

    /// The port of that name.
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
    /// The port's name (a DNS-1123 label of at most 15 characters).
    public var name: String
    /// The port number.
    public var port: Int
    /// Where the port and each of its keys were written.
    public var source: SourceMap
    /// A port, located at the place of the call.
    public init(name: String, port: Int, fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.port = port
    }
}

/// Readiness, liveness and (optionally) startup probes.
public struct Probes: Equatable, Sendable {
    /// The readiness probe.
    public var readiness: Probe
    /// The liveness probe.
    public var liveness: Probe
    /// Holds the other two back until a slow start is over; nil: none.
    public var startup: Probe?
    /// Where the probes and each of their keys were written.
    public var source: SourceMap
    /// Probes, located at the place of the call.
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

    /// How it probes: `path` and `port`, `tcpSocket`, `grpc` or `exec`.
    public var check: Check
    /// Delay before the first probe (default 0s).
    public var initialDelay: TimeSpan
    /// Time between probes (default 10s).
    public var period: TimeSpan
    /// Where the probe and each of its keys were written.
    public var source: SourceMap
    /// A probe that checks as `check`, located at the place of the call.
    public init(_ check: Check, initialDelay: TimeSpan = .seconds(0), period: TimeSpan = .seconds(10),
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.check = check
        self.initialDelay = initialDelay
        self.period = period
    }
    /// An HTTP GET probe.
    public init(path: String, port: some SpecReference, initialDelay: TimeSpan = .seconds(0), period: TimeSpan = .seconds(10),
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.init(.http(path: path, port: port.referenceName), initialDelay: initialDelay, period: period,
                  fileID: fileID, line: line, column: column)
    }
    /// A TCP connect to the port (`tcpSocket`).
    public init(tcpSocket port: some SpecReference, initialDelay: TimeSpan = .seconds(0), period: TimeSpan = .seconds(10),
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.init(.tcp(port: port.referenceName), initialDelay: initialDelay, period: period, fileID: fileID, line: line, column: column)
    }
    /// The gRPC health checking protocol on the port (`grpc`, and `service`).
    public init(grpc port: some SpecReference, service: String? = nil, initialDelay: TimeSpan = .seconds(0), period: TimeSpan = .seconds(10),
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.init(.grpc(port: port.referenceName, service: service), initialDelay: initialDelay, period: period,
                  fileID: fileID, line: line, column: column)
    }
    /// A command in the container that exits 0 (`exec`).
    public init(exec command: [String], initialDelay: TimeSpan = .seconds(0), period: TimeSpan = .seconds(10),
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.init(.exec(command: command), initialDelay: initialDelay, period: period, fileID: fileID, line: line, column: column)
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

/// `serviceAccount`: the service's ServiceAccount.
public struct ServiceAccount: Equatable, Sendable {
    /// Its annotations (a cloud role, for instance).
    public var annotations: [String: String]
    /// Where the ServiceAccount settings and each of their keys were written.
    public var source: SourceMap
    /// ServiceAccount settings, located at the place of the call.
    public init(annotations: [String: String] = [:],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.annotations = annotations
    }
}

/// `securityContext.capabilities`: Linux capabilities added back to the container.
public struct Capabilities: Equatable, Sendable {
    /// The capabilities added; the restricted Pod Security level admits `NET_BIND_SERVICE` alone.
    public var add: [String]
    /// Where the capabilities and each of their keys were written.
    public var source: SourceMap
    /// Capabilities, located at the place of the call.
    public init(add: [String] = [],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.add = add
    }
}

/// What an image needs of the hardened security context: the rest stays as bizra-gen sets it
/// (non-root, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp).
public struct SecurityOverrides: Equatable, Sendable {
    /// The user the image runs as (never 0: the namespace enforces the restricted Pod Security level); nil: a non-root
    /// user id no base image reserves.
    public var runAsUser: Int?
    /// Its group; nil: the user's id.
    public var runAsGroup: Int?
    /// The group that owns its volumes; nil: the user's id.
    public var fsGroup: Int?
    /// False for an image that writes outside its volumes and /tmp; nil: true.
    public var readOnlyRootFilesystem: Bool?
    /// Capabilities added back; nil: none.
    public var capabilities: Capabilities?
    /// Where the overrides and each of their keys were written.
    public var source: SourceMap
    /// The capabilities the restricted Pod Security level lets a container add
    /// (kubernetes/website `content/en/docs/concepts/security/pod-security-standards.md`).
    public static let admittedCapabilities = ["NET_BIND_SERVICE"]
    /// Security overrides, located at the place of the call.
    public init(runAsUser: Int? = nil, runAsGroup: Int? = nil, fsGroup: Int? = nil, readOnlyRootFilesystem: Bool? = nil,
                capabilities: Capabilities? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.runAsUser = runAsUser
        self.runAsGroup = runAsGroup
        self.fsGroup = fsGroup
        self.readOnlyRootFilesystem = readOnlyRootFilesystem
        self.capabilities = capabilities
    }
}

/// Measured per-replica throughput, for the capacity checks.
public struct Capacity: Equatable, Sendable {
    /// Requests per second one replica serves.
    public var rpsPerReplica: Int
    /// The part of `sla.throughput.peak` it carries, for a service behind another; nil: what the
    /// public routes send it (nothing, for one no route reaches).
    public var share: Percent?
    /// Where the capacity and each of its keys were written.
    public var source: SourceMap
    /// A capacity, located at the place of the call.
    public init(rpsPerReplica: Int, share: Percent? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.rpsPerReplica = rpsPerReplica
        self.share = share
    }
}

/// A persistent volume mounted into the service.
public struct Volume: Equatable, Sendable {
    /// The volume's name.
    public var name: String
    /// Where it is mounted.
    public var mountPath: String
    /// Its size.
    public var size: ByteSize
    /// The StorageClass of the claim; nil: ``defaultSharedStorageClass`` when replicas share it,
    /// the cluster's default class otherwise.
    public var storageClass: String?
    /// Where the volume and each of its keys were written.
    public var source: SourceMap
    /// The class a volume shared by several replicas gets: the AWS EFS CSI driver's conventional
    /// class, since EBS volumes attach to one node only (kubernetes-csi docs `drivers.md`).
    public static let defaultSharedStorageClass = "efs-sc"
    /// A volume, located at the place of the call.
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
    /// The SecretStore.
    public var store: String
    /// How often it is refreshed (default 1h).
    public var refreshInterval: TimeSpan
    /// Environment variable to path in the external store.
    public var keys: [String: String]
    /// Where the secrets and each of their keys were written.
    public var source: SourceMap
    /// Secrets by reference, located at the place of the call.
    public init(store: String, refreshInterval: TimeSpan = .hours(1), keys: [String: String],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.store = store
        self.refreshInterval = refreshInterval
        self.keys = keys
    }
}

/// A metric the service exports.
public struct Metric: Equatable, Sendable {
    /// `type`: the metric type.
    public enum Kind: String, Equatable, Sendable, CaseIterable {
        /// The Prometheus metric types.
        case counter, gauge, histogram, summary
    }
    /// The metric's name.
    public var name: String
    /// The metric type.
    public var type: Kind
    /// Its labels.
    public var labels: [String]
    /// Where the metric and each of its keys were written.
    public var source: SourceMap
    /// A metric, located at the place of the call.
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
    /// Pods that must stay up during voluntary disruptions.
    public var minAvailable: Int
    /// Where the budget and each of its keys were written.
    public var source: SourceMap
    /// A PodDisruptionBudget, located at the place of the call.
    public init(minAvailable: Int, fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.minAvailable = minAvailable
    }
}
