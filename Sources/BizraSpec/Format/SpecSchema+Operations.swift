extension SpecSchema {
    static func store(_ what: String) -> SchemaNode {
        .object(description: "\(what): a storage-backed component.", properties: [
            .required("replicas", count("Replicas.")),
            .required("storage", UnitPatterns.byteSize("Storage")),
            .required("retention", UnitPatterns.duration("How long data is kept")),
        ])
    }

    static let observability: SchemaNode = .object(description: "Tracing, the collector, logs, dashboards and extra alerts.", properties: [
        .required("namespace", UnitPatterns.name("The namespace of the observability stack", maxLength: 63)),
        .optional("tracing", .object(description: "Jaeger and Tempo.", properties: [
            .required("sampling", UnitPatterns.percent("Share of traces kept")),
            .required("jaeger", .object(description: "Jaeger.", properties: [
                .required("replicas", count("Replicas.")),
                .optional("otlp", .object(description: "OTLP ports.", properties: [
                    .optional("grpc", .integer(description: "OTLP gRPC port (default 4317).", minimum: 1, maximum: 65535)),
                    .optional("http", .integer(description: "OTLP HTTP port (default 4318).", minimum: 1, maximum: 65535)),
                ])),
            ])),
            .required("tempo", store("Tempo")),
        ])),
        .optional("collector", .object(description: "The OpenTelemetry Collector.", properties: [
            .required("replicas", count("Replicas.")),
            .required("batchSize", count("Spans per batch.")),
            .required("memoryLimit", UnitPatterns.byteSize("Memory limiter")),
            .required("exporters", textList("Where telemetry goes.", allowed: Observability.Collector.Exporter.allowedWords)),
        ])),
        .optional("logs", .object(description: "Loki, and log collection into it.", properties: [
            .required("loki", store("Loki")),
            .required("promtail", .object(description: "How pods' log lines are parsed (collected by Grafana Alloy, Promtail's successor).", properties: [
                .optional("parseJson", .boolean(description: "Parse JSON log lines (default true).")),
                .optional("extractLabels", textList("JSON fields made into labels.")),
            ])),
        ])),
        .optional("dashboards", .list(description: "Grafana dashboards to publish.", items: UnitPatterns.name("A dashboard"))),
        .optional("monitorLabels", textMap("Labels on every ServiceMonitor, PodMonitor and PrometheusRule, for the Prometheus that selects them (kube-prometheus-stack: release: <its release>).")),
        .optional("alerts", .list(description: "Alerts beside those derived from the SLA.", items: .object(description: "An alert.", properties: [
            .required("name", text("The alert's name.")),
            .required("expr", text("A PromQL expression.")),
            .optional("for", UnitPatterns.duration("How long it must hold (default 5m)")),
            .optional("severity", text("Severity (default warning).", allowed: Alert.Severity.allCases.map(\.rawValue))),
        ]), named: true)),
    ])

    static let caching: SchemaNode = .object(description: "Redis Cluster, Varnish and CDN rules.", properties: [
        .optional("redis", .object(description: "A Redis Cluster of masters x (1 + replicasPerMaster) nodes.", properties: [
            .required("name", UnitPatterns.name("The cluster's name")),
            .required("masters", count("Masters.")),
            .required("replicasPerMaster", count("Replicas of each master.")),
            .required("memoryPerNode", UnitPatterns.byteSize("Memory of each node")),
            .optional("maxmemoryPolicy", text("Eviction policy (default allkeys-lru).", allowed: Redis.EvictionPolicy.allowedWords)),
            .optional("exporter", .boolean(description: "Run the Prometheus exporter (default true).")),
        ])),
        .optional("varnish", .object(description: "Varnish in front of one service's port.", properties: [
            .required("name", UnitPatterns.name("Varnish's name")),
            .required("replicas", count("Replicas.")),
            .required("memory", UnitPatterns.byteSize("Memory")),
            .required("backend", .object(description: "The service it caches.", properties: [
                .required("service", reference("A service")),
                .required("port", reference("A port name of that service")),
            ])),
            .optional("grace", UnitPatterns.duration("How long stale objects may be served (default 6h)")),
            .optional("rules", .list(description: "Caching rules; the first match wins.", items: .object(description: "A rule.", properties: [
                .required("name", UnitPatterns.name("The rule's name")),
                .required("match", text("A URL regular expression.")),
                .required("ttl", UnitPatterns.duration("Time to live")),
            ]), named: true)),
            .optional("purge", .object(description: "Who may PURGE.", properties: [
                .required("allowFrom", textList("CIDRs.")),
            ])),
        ])),
        .optional("cdn", .object(description: "CDN rules, written to cdn/<provider>-rules.yaml for the CDN's own tooling.", properties: [
            .required("provider", text("The CDN, e.g. cloudflare.")),
            .optional("rules", .list(description: "Rules.", items: .object(description: "A rule.", properties: [
                .required("match", text("A URL pattern.")),
                .required("ttl", UnitPatterns.duration("Time to live")),
            ]))),
        ])),
    ])

    static let chaos: SchemaNode = .object(description: "Chaos Mesh experiments against one service, run by a workflow on a schedule.",
                                           properties: [
        .required("namespace", UnitPatterns.name("The Chaos Mesh namespace", maxLength: 63)),
        .optional("paused", .boolean(description: "Create the experiments paused (default true; production requires it unless allowProduction).")),
        .optional("allowProduction", .boolean(description: "Allow unpaused experiments in production (default false).")),
        .required("schedule", UnitPatterns.cron("When the workflow runs")),
        .required("target", reference("The service under test")),
        .required("experiments", .list(description: "The experiments.", items: experiment, named: true)),
        .optional("workflow", .object(description: "The experiments in order, then a verification.", properties: [
            .required("name", UnitPatterns.name("The workflow's name")),
            .required("steps", .list(description: "Experiment names, in order.", items: reference("An experiment"))),
            .optional("verify", .object(description: "The check after the run: the ihsan score with sla.ihsanScore, else the SLA's p95 latency and error rate.", properties: [
                .optional("ihsanScoreMin", .number(description: "Lowest ihsan score (default sla.ihsanScore.duringChaos); only with sla.ihsanScore.")),
            ])),
        ])),
        .optional("regions", .list(description: "Regions whose clusters run the experiments (default: the canary regions, or the primary region when none is a canary).",
                                   items: reference("A region"))),
    ])

    static let experiment: SchemaNode = {
        let common: [SchemaNode.Property] = [
            .required("name", UnitPatterns.name("The experiment's name")),
            .required("duration", UnitPatterns.duration("How long it runs")),
            .optional("mode", text("Which pods (default one).", allowed: ChaosExperiment.Mode.allCases.map(\.rawValue))),
        ]
        let shapes: [String: [SchemaNode.Property]] = [
            "network-delay": [.required("latency", UnitPatterns.duration("Added latency")),
                              .optional("jitter", UnitPatterns.duration("Jitter"))],
            "cpu-stress": [.required("load", UnitPatterns.percent("CPU load")), .required("workers", count("Stress workers."))],
            "memory-stress": [.required("size", UnitPatterns.byteSize("Memory to take"))],
            "io-delay": [.required("delay", UnitPatterns.duration("Added I/O latency")),
                         .required("percent", UnitPatterns.percent("Share of I/O delayed")),
                         .required("volume", reference("A volume of the target"))],
            "http-abort": [.required("port", reference("A port name of the target")), .required("path", text("The path pattern."))],
        ]
        return .variants(description: "A chaos experiment, by type.", discriminator: "type",
                         cases: ChaosExperiment.Kind.typeNames.map { type in
                             (type, .object(description: "A \(type) experiment.", properties: common + (shapes[type] ?? [])))
                         })
    }()

    static let regions: SchemaNode = {
        func replication(_ targets: String, _ what: String, extra: [SchemaNode.Property] = []) -> SchemaNode {
            .object(description: "Replication of \(what) to other regions.", properties: [
                .required("source", reference(what)),
                .required(targets, .list(description: "Regions it replicates to.", items: reference("A region"))),
                .required("lagAlert", UnitPatterns.duration("Lag that raises an alert")),
            ] + extra)
        }
        return .object(description: "Multi-region routing, replication and disaster-recovery backups.", properties: [
            .required("primary", reference("The primary region")),
            .required("dns", .object(description: "Weighted DNS.", properties: [
                .required("provider", text("The DNS provider, e.g. route53.")),
                .required("zone", text("The DNS zone.")),
                .required("ttl", UnitPatterns.duration("Record TTL")),
                .required("healthCheck", .object(description: "The health check of each region.", properties: [
                    .required("path", text("The path.")),
                    .required("interval", UnitPatterns.duration("Interval")),
                    .required("failureThreshold", count("Failures before a region is out.")),
                ])),
            ])),
            .optional("accelerator", .boolean(description: "Use a global accelerator (default false).")),
            .required("list", .list(description: "The regions; weights of serving regions add up to 100.",
                                    items: .object(description: "A region.", properties: [
                .required("name", UnitPatterns.name("The region", maxLength: 30)),
                .required("weight", count("Share of the traffic, in percent.")),
                .optional("canary", .boolean(description: "Receives canary traffic (default false).")),
                .optional("standby", .boolean(description: "Serves only on failover (default false).")),
                .optional("context", text("The kubectl context and Argo CD cluster name of the region's cluster (default the region's name).")),
            ]), named: true)),
            .optional("replication", .object(description: "Replication.", properties: [
                .optional("postgres", .oneOrList(description: "The replicas of a database, or a list of them, one per replicated database.",
                                                 item: replication("replicas", "the database", extra: [
                    .optional("primaryHost", text("Host name of the primary reachable from the other regions (default <database>.<primary>.<dns zone>, published for an internal load balancer).")),
                ]))),
                .optional("redis", replication("secondaries", "the Redis cluster")),
            ])),
            .optional("backup", .object(description: "The disaster-recovery backup.", properties: [
                .required("schedule", UnitPatterns.cron("When it runs; must keep sla.recovery.rpo")),
                .required("bucket", text("Where backups go, e.g. s3://bizra-dr-backups.")),
                .optional("replicateTo", .list(description: "Regions the bucket replicates to.", items: reference("A region"))),
                .optional("include", textList("What is backed up (default kubernetes-resources): kubernetes-resources, the name of a database (dumped, and its WALs archived) or of the Redis cluster (snapshotted); ground-truth-database means the replicated database, else the first, and redis-snapshots the Redis cluster.")),
            ])),
            .optional("monitoring", .object(description: "Where the regions' series meet.", properties: [
                .optional("remoteWrite", text("The Prometheus remote-write URL of the primary region's monitoring; every other region's cluster forwards its series there (default: none forwarded).")),
            ])),
        ])
    }()

    static let benchmarks: SchemaNode = {
        let stage = SchemaNode.object(description: "A stage.", properties: [
            .required("to", .integer(description: "Virtual users at the end of the stage.")),
            .required("over", UnitPatterns.duration("The stage's length")),
        ])
        let shapes: [String: [SchemaNode.Property]] = [
            "constant-arrival-rate": [.required("rate", UnitPatterns.rate("Arrival rate")),
                                      .required("duration", UnitPatterns.duration("Length")),
                                      .optional("preAllocatedVUs", count("Virtual users allocated up front.")),
                                      .optional("maxVUs", count("Most virtual users."))],
            "ramping-vus": [.required("stages", .list(description: "Stages, in order.", items: stage))],
            "constant-vus": [.required("vus", count("Virtual users.")), .required("duration", UnitPatterns.duration("Length"))],
        ]
        let scenario = SchemaNode.variants(description: "A k6 scenario, by type.", discriminator: "type",
                                           cases: Benchmarks.Scenario.Kind.typeNames.map { type in
            (type, .object(description: "A \(type) scenario.",
                           properties: [.required("name", UnitPatterns.name("The scenario's name"))] + (shapes[type] ?? [])))
        })
        return .object(description: "k6 load tests: endpoints hit by every scenario, thresholds from the SLA.", properties: [
            .optional("target", text("Base URL (default https://<platform.domain>).")),
            .optional("headers", textMap("Headers sent with every request.")),
            .optional("expectHeader", text("A header every response must carry.")),
            .required("endpoints", .list(description: "Endpoints.", items: .object(description: "An endpoint.", properties: [
                .required("name", UnitPatterns.name("The endpoint's name")),
                .required("path", text("The path.")),
                .optional("method", text("HTTP method (default GET).", allowed: Benchmarks.Endpoint.Method.allowedWords)),
                .optional("body", text("Request body.")),
            ]), named: true)),
            .required("scenarios", .list(description: "Scenarios, run in order.", items: scenario, named: true)),
        ])
    }()
}
