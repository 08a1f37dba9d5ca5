import BizraSpec

extension SpecSchema {
    static let platform: SchemaNode = .object(description: "The platform's identity and namespace-wide settings.", properties: [
        .required("name", UnitPatterns.name("The platform's name, prefix of derived names")),
        .required("environment", UnitPatterns.name("The environment (production, staging...); output goes to out/<environment>/")),
        .required("namespace", UnitPatterns.name("The namespace the services run in", maxLength: 63)),
        .required("domain", text("Public host of the API, e.g. api.bizra.ai.")),
        .optional("kubernetesVersion", .text(description: "Kubernetes version the manifests target (default 1.36); quote it: \"1.36\".",
                                             acceptsNumbers: true)),
        .optional("labels", textMap("Labels on every object.")),
        .optional("quota", .object(description: "ResourceQuota of the namespace; every workload at its maximum must fit.", properties: [
            .required("requests", amounts("Total requests")),
            .required("limits", amounts("Total limits")),
            .required("pods", count("Most pods in the namespace.")),
        ])),
        .optional("priorityClasses", .list(description: "PriorityClasses, referenced by services' priorityClass.", items: .object(
            description: "A PriorityClass.", properties: [
                .required("name", UnitPatterns.name("Its name", maxLength: 63)),
                .required("value", .integer(description: "Its priority; higher is scheduled first.")),
                .optional("description", text("What it is for.")),
                .optional("default", .boolean(description: "Whether pods without a class get this one.")),
            ]), named: true)),
        .optional("aws", .object(description: "The AWS account of the platform's cloud identities.", properties: [
            .required("accountId", .text(description: "The account whose IAM roles <platform>-<environment>-<serviceaccount> the pods assume through IRSA (without it: EKS Pod Identity).",
                                         pattern: "^[0-9]{12}$", acceptsNumbers: true)),
        ])),
        .optional("gitops", .object(description: "The Git repository Argo CD and Flux deploy each cluster's folder from.", properties: [
            .optional("repository", text("The repository's URL (default https://github.com/<name>/<name>-platform.git).")),
            .optional("branch", text("The branch the controllers follow (default main).")),
            .optional("path", text("The environment's output folder in the repository (default out/<environment>).")),
        ])),
    ])

    static let sla: SchemaNode = .object(
        description: "The one source of truth for targets: alert, autoscaler and k6 thresholds are derived from it, never typed twice.",
        properties: [
            .required("latency", .object(description: "Request latency percentiles.", properties: [
                .required("p50", UnitPatterns.duration("Median latency")),
                .required("p95", UnitPatterns.duration("95th percentile latency (blocking in SLA reports)")),
                .required("p99", UnitPatterns.duration("99th percentile latency")),
            ])),
            .required("errorRate", UnitPatterns.percent("Highest share of failed requests (blocking in SLA reports)")),
            .required("throughput", .object(description: "Request rates the platform must serve.", properties: [
                .required("peak", UnitPatterns.rate("Peak rate")),
                .required("sustained", UnitPatterns.rate("Sustained rate")),
            ])),
            .optional("ihsanScore", .object(description: "The reference platform's compliance score; omit it when your platform has none (its alert, panels and chaos check are then not derived, and the chaos verification checks the latency and error-rate targets).", properties: [
                .required("min", .number(description: "Lowest acceptable score.")),
                .optional("duringChaos", .number(description: "Lowest score during chaos experiments (default: min).")),
                .optional("maxRegionalVariance", .number(description: "Largest spread between regions (default 10).")),
                .optional("metric", text("The gauge a service exports the score as (default \(SLA.IhsanScore.defaultMetric)).")),
            ])),
            .optional("cache", .object(description: "Cache targets.", properties: [
                .required("latency", UnitPatterns.duration("Cache latency")),
                .required("hitRate", UnitPatterns.percent("Lowest cache hit rate")),
            ])),
            .optional("database", .object(description: "Database targets.", properties: [
                .required("queryLatency", UnitPatterns.duration("Query latency")),
            ])),
            .optional("crossRegionLatency", UnitPatterns.duration("Latency between regions")),
            .optional("replicationLag", .object(description: "Largest replication lag.", properties: [
                .required("database", UnitPatterns.duration("Database replication lag")),
                .required("redis", UnitPatterns.duration("Redis replication lag")),
            ])),
            .optional("recovery", .object(description: "Disaster recovery objectives.", properties: [
                .required("rto", UnitPatterns.duration("Recovery time objective")),
                .required("rpo", UnitPatterns.duration("Recovery point objective: backups must run at least this often")),
            ])),
            .optional("autoscaling", .object(description: "Autoscaling targets.", properties: [
                .required("scaleOutTime", UnitPatterns.duration("Time to add capacity")),
            ])),
        ])
}
