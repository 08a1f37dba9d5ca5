/// `platform.cluster`: what each cluster already runs and how it is laid out, which the output
/// must fit: the ingress controller and its certificates, Prometheus, the operators' namespaces,
/// where pods are scheduled. Every key has the default of an EKS cluster as bizra-gen expects it.
public struct ClusterConventions: Equatable, Sendable {
    /// The controller that serves the public Ingress.
    public enum IngressController: String, Equatable, Sendable, CaseIterable {
        /// The AWS Load Balancer Controller: an ALB per cluster, TLS with the ACM certificate of the host.
        case awsLoadBalancer = "aws-load-balancer"
        /// ingress-nginx: TLS with a cert-manager Certificate.
        case nginx
    }

    /// How the certificate issuer proves the hosts are ours (cert-manager ACME solvers).
    public enum Solver: String, Equatable, Sendable, CaseIterable {
        /// `dns01` (required where DNS is weighted over regions) or `http01`.
        case dns01, http01
    }

    /// `platform.cluster.ingress`: the controller of the public Ingress.
    public struct Ingress: Equatable, Sendable {
        /// The controller (default `aws-load-balancer`).
        public var controller: IngressController
        /// The IngressClass; nil: `alb` for the AWS Load Balancer Controller, `nginx` for ingress-nginx.
        public var className: String?
        /// Where the controller's pods run (ingress-nginx: they, not the VPC, reach the pods).
        public var namespace: String?
        /// Where the ingress settings and each of their keys were written.
        public var source: SourceMap
        /// Ingress settings, located at the place of the call.
        public init(controller: IngressController = .awsLoadBalancer, className: String? = nil, namespace: String? = nil,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.controller = controller
            self.className = className
            self.namespace = namespace
        }
        /// The IngressClass in effect.
        public var effectiveClassName: String { className ?? (controller == .awsLoadBalancer ? "alb" : "nginx") }
        /// The controller's namespace in effect.
        public var effectiveNamespace: String { namespace ?? (controller == .awsLoadBalancer ? "kube-system" : "ingress-nginx") }
    }

    /// The cert-manager issuer of the public hosts' certificate (ingress-nginx only).
    public struct Certificates: Equatable, Sendable {
        /// The issuer's name.
        public var issuer: String
        /// `ClusterIssuer` (default) or `Issuer`.
        public var issuerKind: String
        /// The issuer's solver; nil: dns01 where DNS is weighted over regions, else http01.
        public var solver: Solver?
        /// Where the certificate settings and each of their keys were written.
        public var source: SourceMap
        /// Certificate settings, located at the place of the call.
        public init(issuer: String, issuerKind: String = "ClusterIssuer", solver: Solver? = nil,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.issuer = issuer
            self.issuerKind = issuerKind
            self.solver = solver
        }
    }

    /// Where the cluster's Prometheus runs and how its pods are labelled.
    public struct Prometheus: Equatable, Sendable {
        /// Where it runs (default `monitoring`).
        public var namespace: String
        /// Its pods' labels, which the NetworkPolicies admit (default `app.kubernetes.io/name: prometheus`).
        public var podLabels: [String: String]
        /// The query API, for the chaos verification and the region forwarder.
        public var url: String
        /// Where the Prometheus settings and each of their keys were written.
        public var source: SourceMap
        /// The Prometheus of a cluster that states none: `prometheus-operated` in `monitoring`.
        public static let `default` = Prometheus(namespace: "monitoring", podLabels: ["app.kubernetes.io/name": "prometheus"],
                                                 url: "http://prometheus-operated.monitoring.svc:9090")
        /// Prometheus settings, located at the place of the call.
        public init(namespace: String, podLabels: [String: String], url: String,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.namespace = namespace
            self.podLabels = podLabels
            self.url = url
        }
    }

    /// The namespaces of the operators the output relies on.
    public struct Operators: Equatable, Sendable {
        /// CloudNativePG's namespace (default `cnpg-system`).
        public var cloudnativePG: String
        /// KEDA's namespace (default `keda`).
        public var keda: String
        /// Where the operators' settings and each of their keys were written.
        public var source: SourceMap
        /// Operator namespaces, located at the place of the call.
        public init(cloudnativePG: String = "cnpg-system", keda: String = "keda",
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.cloudnativePG = cloudnativePG
            self.keda = keda
        }
    }

    /// A toleration of the pods (core/v1 Toleration).
    public struct Toleration: Equatable, Sendable {
        /// The taint's key; nil: none given (with `Exists`, every taint).
        public var key: String?
        /// `Equal` (default) or `Exists`.
        public var `operator`: Operator
        /// The taint's value; nil: none given.
        public var value: String?
        /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`; nil: all.
        public var effect: Effect?
        /// Where the toleration and each of its keys were written.
        public var source: SourceMap
        /// A toleration, located at the place of the call.
        public init(key: String? = nil, operator: Operator = .equal, value: String? = nil, effect: Effect? = nil,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.key = key
            self.operator = `operator`
            self.value = value
            self.effect = effect
        }
    }

    /// Where the pods are placed.
    public struct Scheduling: Equatable, Sendable {
        /// Node labels every pod bizra-gen writes requires (not DaemonSets).
        public var nodeSelector: [String: String]
        /// Taints every pod tolerates.
        public var tolerations: [Toleration]
        /// How each service's replicas spread over the nodes.
        public var topologySpread: TopologySpread
        /// Where the scheduling settings and each of their keys were written.
        public var source: SourceMap
        /// Scheduling settings, located at the place of the call.
        public init(nodeSelector: [String: String] = [:], tolerations: [Toleration] = [],
                    topologySpread: TopologySpread = TopologySpread(),
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.nodeSelector = nodeSelector
            self.tolerations = tolerations
            self.topologySpread = topologySpread
        }
    }

    /// `scheduling.topologySpread`: how each service's replicas spread over the nodes.
    public struct TopologySpread: Equatable, Sendable {
        /// False: no spread constraint (default true).
        public var enabled: Bool
        /// The node label the replicas spread over (default `topology.kubernetes.io/zone`).
        public var topologyKey: String
        /// `ScheduleAnyway` (default) or `DoNotSchedule`.
        public var whenUnsatisfiable: WhenUnsatisfiable
        /// Where the spread and each of its keys were written.
        public var source: SourceMap
        /// A topology spread, located at the place of the call.
        public init(enabled: Bool = true, topologyKey: String = "topology.kubernetes.io/zone",
                    whenUnsatisfiable: WhenUnsatisfiable = .scheduleAnyway,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.enabled = enabled
            self.topologyKey = topologyKey
            self.whenUnsatisfiable = whenUnsatisfiable
        }
    }

    /// The controller of the public Ingress.
    public var ingress: Ingress
    /// The cert-manager issuer of the public hosts' certificate (ingress-nginx); nil: none.
    public var certificates: Certificates?
    /// The cluster's Prometheus (the monitors' selector labels are `observability.monitorLabels`).
    public var prometheus: Prometheus
    /// The operators' namespaces.
    public var operators: Operators
    /// Where the pods are placed.
    public var scheduling: Scheduling
    /// Where the cluster conventions and each of their keys were written.
    public var source: SourceMap

    /// Cluster conventions, each part defaulting to an EKS cluster as bizra-gen expects it, located at the place of the call.
    public init(ingress: Ingress = Ingress(), certificates: Certificates? = nil, prometheus: Prometheus = .default,
                operators: Operators = Operators(), scheduling: Scheduling = Scheduling(),
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.ingress = ingress
        self.certificates = certificates
        self.prometheus = prometheus
        self.operators = operators
        self.scheduling = scheduling
    }
}
