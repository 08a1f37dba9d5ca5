/// A whole platform: the typed value every front end (YAML, Swift DSL) produces and every
/// check and planner reads. Every initialiser of the model ends with `fileID`, `line` and
/// `column`, defaulted to the place of its call: a value written in Swift records that place as
/// its `source.node`, where the checks locate their findings.
public struct Spec: Equatable, Sendable {
    /// The spec format version this build understands.
    public static let supportedVersion = 1

    /// `version`: the spec format version; this build reads ``supportedVersion``.
    public var version: Int
    /// The platform's identity and namespace-wide settings.
    public var platform: Platform
    /// The SLA: the one source of truth for targets, from which alert, autoscaler and k6 thresholds derive.
    public var sla: SLA
    /// The workloads: each a Deployment with its Service, config, secrets, autoscaling and metrics.
    public var services: [Service] {
        didSet { serviceIndex = Self.firstIndex(ofEach: services) }
    }
    /// Managed database clusters (PostgreSQL through CloudNativePG).
    public var databases: [Database]
    /// What the services reach outside the platform.
    public var external: [ExternalEndpoint]
    /// The public routes as written (see ``publicRoutes`` for those in effect).
    public var routes: [Route]
    /// Tracing, the collector, logs, dashboards and extra alerts; nil: the section is absent.
    public var observability: Observability?
    /// Redis Cluster, Varnish and CDN rules; nil: the section is absent.
    public var caching: Caching?
    /// Chaos Mesh experiments against one service, run by a workflow on a schedule; nil: none.
    public var chaos: Chaos?
    /// Multi-region routing, replication and disaster-recovery backups; nil: the section is absent.
    public var regions: Regions?
    /// k6 load tests, with thresholds from the SLA; nil: none.
    public var benchmarks: Benchmarks?
    /// The warnings the team accepts, each with its reason.
    public var suppressions: [Suppression]
    /// Where the spec and each of its keys were written (see ``SourceMap``).
    public var source: SourceMap
    /// Where each name first occurs in `services`: lookups by name stay constant-time at any size.
    private var serviceIndex: [String: Int] = [:]

    /// A spec of these sections, located at the place of the call.
    public init(version: Int = Spec.supportedVersion, platform: Platform, sla: SLA, services: [Service] = [],
                databases: [Database] = [], external: [ExternalEndpoint] = [], routes: [Route] = [], observability: Observability? = nil, caching: Caching? = nil,
                chaos: Chaos? = nil, regions: Regions? = nil, benchmarks: Benchmarks? = nil, suppressions: [Suppression] = [],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.version = version
        self.platform = platform
        self.sla = sla
        self.services = services
        self.serviceIndex = Self.firstIndex(ofEach: services)
        self.databases = databases
        self.external = external
        self.routes = routes
        self.observability = observability
        self.caching = caching
        self.chaos = chaos
        self.regions = regions
        self.benchmarks = benchmarks
        self.suppressions = suppressions
    }

    /// The service of that name.
    public func service(named name: String) -> Service? { serviceIndex[name].map { services[$0] } }
    /// The database of that name.
    public func database(named name: String) -> Database? { databases.first { $0.name == name } }
    /// The external endpoint of that name.
    public func external(named name: String) -> ExternalEndpoint? { external.first { $0.name == name } }

    private static func firstIndex(ofEach services: [Service]) -> [String: Int] {
        Dictionary(services.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }
}
