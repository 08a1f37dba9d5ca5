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
        case dns01, http01
    }

    public struct Ingress: Equatable, Sendable {
        public var controller: IngressController
        /// The IngressClass; nil: `alb` for the AWS Load Balancer Controller, `nginx` for ingress-nginx.
        public var className: String?
        /// Where the controller's pods run (ingress-nginx: they, not the VPC, reach the pods).
        public var namespace: String?
        public var source: SourceMap
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
        public var issuer: String
        /// `ClusterIssuer` (default) or `Issuer`.
        public var issuerKind: String
        /// The issuer's solver; nil: dns01 where DNS is weighted over regions, else http01.
        public var solver: Solver?
        public var source: SourceMap
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
        public var namespace: String
        public var podLabels: [String: String]
        /// The query API, for the chaos verification and the region forwarder.
        public var url: String
        public var source: SourceMap
        public static let `default` = Prometheus(namespace: "monitoring", podLabels: ["app.kubernetes.io/name": "prometheus"],
                                                 url: "http://prometheus-operated.monitoring.svc:9090")
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
        public var cloudnativePG: String
        public var keda: String
        public var source: SourceMap
        public init(cloudnativePG: String = "cnpg-system", keda: String = "keda",
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.cloudnativePG = cloudnativePG
            self.keda = keda
        }
    }

    /// A toleration of the pods (core/v1 Toleration).
    public struct Toleration: Equatable, Sendable {
        public var key: String?
        /// `Equal` (default) or `Exists`.
        public var tolerationOperator: String
        public var value: String?
        /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`; nil: all.
        public var effect: String?
        public var source: SourceMap
        public static let operators = ["Equal", "Exists"]
        public static let effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]
        public init(key: String? = nil, operator tolerationOperator: String = "Equal", value: String? = nil, effect: String? = nil,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.key = key
            self.tolerationOperator = tolerationOperator
            self.value = value
            self.effect = effect
        }
    }

    /// Where the pods are placed.
    public struct Scheduling: Equatable, Sendable {
        public var nodeSelector: [String: String]
        public var tolerations: [Toleration]
        /// The node label the services' replicas spread over; nil: no spread.
        public var spreadTopologyKey: String?
        /// `ScheduleAnyway` (default) or `DoNotSchedule`.
        public var spreadWhenUnsatisfiable: String
        public var source: SourceMap
        public static let whenUnsatisfiableValues = ["ScheduleAnyway", "DoNotSchedule"]
        public init(nodeSelector: [String: String] = [:], tolerations: [Toleration] = [],
                    spreadTopologyKey: String? = "topology.kubernetes.io/zone", spreadWhenUnsatisfiable: String = "ScheduleAnyway",
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.nodeSelector = nodeSelector
            self.tolerations = tolerations
            self.spreadTopologyKey = spreadTopologyKey
            self.spreadWhenUnsatisfiable = spreadWhenUnsatisfiable
        }
    }

    public var ingress: Ingress
    public var certificates: Certificates?
    public var prometheus: Prometheus
    public var operators: Operators
    public var scheduling: Scheduling
    public var source: SourceMap

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
