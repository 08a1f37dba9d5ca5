/// The platform's identity and the namespace-wide settings.
public struct Platform: Equatable, Sendable {
    /// The platform's name, prefix of derived names.
    public var name: String
    /// The environment (production, staging...); output goes to `out/<environment>/`.
    public var environment: String
    /// Where the services run.
    public var namespace: String
    /// Public host of the API.
    public var domain: String
    /// The Kubernetes version the manifests target (default 1.36).
    public var kubernetesVersion: String
    /// Labels on every object.
    public var labels: [String: String]
    /// The namespace's ResourceQuota, which every workload at its maximum must fit; nil: none.
    public var quota: Quota?
    /// PriorityClasses, referenced by services' `priorityClass`.
    public var priorityClasses: [PriorityClass]
    /// Where the GitOps controllers find the generated output.
    public var gitops: GitOps
    /// The AWS account of the platform; nil: the pods that call AWS use the identity EKS Pod
    /// Identity associates with their ServiceAccount.
    public var aws: AWS?
    /// What each cluster runs and how it is laid out.
    public var cluster: ClusterConventions
    /// Where the platform and each of its keys were written.
    public var source: SourceMap

    /// A platform, located at the place of the call.
    public init(name: String, environment: String, namespace: String, domain: String,
                kubernetesVersion: String = "1.36", labels: [String: String] = [:],
                quota: Quota? = nil, priorityClasses: [PriorityClass] = [], gitops: GitOps = GitOps(),
                aws: AWS? = nil, cluster: ClusterConventions = ClusterConventions(),
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.environment = environment
        self.namespace = namespace
        self.domain = domain
        self.kubernetesVersion = kubernetesVersion
        self.labels = labels
        self.quota = quota
        self.priorityClasses = priorityClasses
        self.gitops = gitops
        self.aws = aws
        self.cluster = cluster
    }

    /// The IAM role a ServiceAccount assumes through IRSA: `arn:aws:iam::<account>:role/<platform>-<environment>-<name>`,
    /// when the spec names the account.
    public func awsRole(forServiceAccount name: String) -> String? {
        aws.map { "arn:aws:iam::\($0.accountId):role/\(self.name)-\(environment)-\(name)" }
    }

    /// `platform.aws`: the AWS account of the platform.
    public struct AWS: Equatable, Sendable {
        /// The account whose IAM roles the pods assume (IRSA).
        public var accountId: String
        /// Where the account and each of its keys were written.
        public var source: SourceMap
        /// An AWS account, located at the place of the call.
        public init(accountId: String,
                    fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
            self.source = SourceMap(fileID: fileID, line: line, column: column)
            self.accountId = accountId
        }
    }

    /// Whether this environment is production (chaos must then be paused unless allowed).
    public var isProduction: Bool { ["production", "prod"].contains(environment.lowercased()) }
}

/// `platform.gitops`: the Git repository that holds the generated output, for Argo CD and Flux.
public struct GitOps: Equatable, Sendable {
    /// The repository's URL; nil: `https://github.com/<platform>/<platform>-platform.git`.
    public var repository: String?
    /// The branch the controllers follow (default main).
    public var branch: String
    /// The folder of the environment's output in the repository; nil: `out/<environment>`.
    public var path: String?
    /// Where the section and each of its keys were written.
    public var source: SourceMap

    /// GitOps settings, located at the place of the call.
    public init(repository: String? = nil, branch: String = "main", path: String? = nil,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.repository = repository
        self.branch = branch
        self.path = path
    }
}

/// The ResourceQuota of the services' namespace.
public struct Quota: Equatable, Sendable {
    /// Total requests of the namespace.
    public var requests: ResourceAmounts
    /// Total limits of the namespace.
    public var limits: ResourceAmounts
    /// Most pods in the namespace.
    public var pods: Int
    /// Where the quota and each of its keys were written.
    public var source: SourceMap

    /// A quota, located at the place of the call.
    public init(requests: ResourceAmounts, limits: ResourceAmounts, pods: Int,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.requests = requests
        self.limits = limits
        self.pods = pods
    }
}

/// A PriorityClass, referenced by services' `priorityClass`.
public struct PriorityClass: Equatable, Sendable {
    /// The class's name, which services' `priorityClass` references.
    public var name: String
    /// Its priority; higher is scheduled first.
    public var value: Int
    /// What it is for; nil: no description.
    public var description: String?
    /// Whether pods without a class get this one (default false).
    public var `default`: Bool
    /// Where the class and each of its keys were written.
    public var source: SourceMap

    /// A PriorityClass, located at the place of the call.
    public init(name: String, value: Int, description: String? = nil, default: Bool = false,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.name = name
        self.value = value
        self.description = description
        self.default = `default`
    }
}

/// CPU and memory, as requests or limits.
public struct ResourceAmounts: Equatable, Sendable {
    /// The CPU amount.
    public var cpu: CPU
    /// The memory amount.
    public var memory: ByteSize
    /// Where the amounts and each of their keys were written.
    public var source: SourceMap

    /// Amounts of CPU and memory, located at the place of the call.
    public init(cpu: CPU, memory: ByteSize,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.cpu = cpu
        self.memory = memory
    }
}

/// Requests and limits of a container.
public struct Resources: Equatable, Sendable {
    /// The requested CPU and memory.
    public var requests: ResourceAmounts
    /// The CPU and memory limits.
    public var limits: ResourceAmounts
    /// Where the resources and each of their keys were written.
    public var source: SourceMap

    /// Requests and limits, located at the place of the call.
    public init(requests: ResourceAmounts, limits: ResourceAmounts,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.requests = requests
        self.limits = limits
    }
}
