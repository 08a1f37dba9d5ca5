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
        .optional("cluster", clusterConventions),
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
                .optional("database", UnitPatterns.duration("Database replication lag (for replication.postgres)")),
                .optional("redis", UnitPatterns.duration("Redis replication lag (for replication.redis)")),
            ])),
            .optional("recovery", .object(description: "Disaster recovery objectives.", properties: [
                .required("rto", UnitPatterns.duration("Recovery time objective")),
                .required("rpo", UnitPatterns.duration("Recovery point objective: backups must run at least this often")),
            ])),
            .optional("autoscaling", .object(description: "Autoscaling targets.", properties: [
                .required("scaleOutTime", UnitPatterns.duration("Time to add capacity")),
            ])),
        ])

    static let clusterConventions: SchemaNode = .object(description: "What each cluster runs and how it is laid out; every key defaults to an EKS cluster as bizra-gen expects it.", properties: [
        .optional("ingress", .object(description: "The controller of the public Ingress.", properties: [
            .optional("controller", text("aws-load-balancer (default: an ALB, TLS with ACM) or nginx (ingress-nginx, TLS with a cert-manager Certificate).",
                                         allowed: ClusterConventions.IngressController.allCases.map(\.rawValue))),
            .optional("className", UnitPatterns.name("The IngressClass (default alb, or nginx)", maxLength: 63)),
            .optional("namespace", UnitPatterns.name("Where the controller runs (default kube-system, or ingress-nginx)", maxLength: 63)),
        ])),
        .optional("certificates", .object(description: "The cert-manager issuer of the public hosts' certificate (ingress-nginx).", properties: [
            .required("issuer", UnitPatterns.name("The issuer's name", maxLength: 63)),
            .optional("issuerKind", text("ClusterIssuer (default) or Issuer.", allowed: ["ClusterIssuer", "Issuer"])),
            .optional("solver", text("How the issuer proves the hosts: dns01 (required where DNS is weighted over regions) or http01.",
                                     allowed: ClusterConventions.Solver.allCases.map(\.rawValue))),
        ])),
        .optional("prometheus", .object(description: "The cluster's Prometheus (the monitors' selector labels are observability.monitorLabels).", properties: [
            .optional("namespace", UnitPatterns.name("Where it runs (default monitoring)", maxLength: 63)),
            .optional("podLabels", textMap("Its pods' labels, which the NetworkPolicies admit (default app.kubernetes.io/name: prometheus).")),
            .optional("url", text("Its query and remote-write API (default http://prometheus-operated.<namespace>.svc:9090).")),
        ])),
        .optional("operators", .object(description: "The operators' namespaces.", properties: [
            .optional("cloudnativePG", UnitPatterns.name("CloudNativePG's (default cnpg-system)", maxLength: 63)),
            .optional("keda", UnitPatterns.name("KEDA's (default keda)", maxLength: 63)),
        ])),
        .optional("scheduling", .object(description: "Where the pods are placed.", properties: [
            .optional("nodeSelector", textMap("Node labels every pod bizra-gen writes requires (not DaemonSets).")),
            .optional("tolerations", .list(description: "Taints every pod tolerates.", items: .object(description: "A toleration.", properties: [
                .optional("key", text("The taint's key.")),
                .optional("operator", text("Equal (default) or Exists.", allowed: ClusterConventions.Toleration.Operator.allowedWords)),
                .optional("value", text("The taint's value.")),
                .optional("effect", text("The taint's effect (default all).", allowed: ClusterConventions.Toleration.Effect.allowedWords)),
            ]))),
            .optional("topologySpread", .object(description: "How each service's replicas spread.", properties: [
                .optional("enabled", .boolean(description: "False: no spread constraint (default true).")),
                .optional("topologyKey", text("The node label they spread over (default topology.kubernetes.io/zone).")),
                .optional("whenUnsatisfiable", text("ScheduleAnyway (default) or DoNotSchedule.", allowed: ClusterConventions.TopologySpread.WhenUnsatisfiable.allowedWords)),
            ])),
        ])),
    ])
}
