extension SpecSchema {
    static func probe(_ what: String) -> SchemaNode {
        .object(description: "\(what): one of path and port (an HTTP GET), tcpSocket, grpc or exec.", properties: [
            .optional("path", text("The HTTP path, e.g. /ready (with port).")),
            .optional("port", reference("The port name of the HTTP GET")),
            .optional("tcpSocket", reference("A port name to open a TCP connection to")),
            .optional("grpc", reference("A port name serving the gRPC health checking protocol")),
            .optional("service", text("The gRPC health service name (with grpc; default the server's overall health).")),
            .optional("exec", textList("A command and its arguments, run in the container; exit 0 is healthy.")),
            .optional("initialDelay", UnitPatterns.duration("Delay before the first probe (default 0s)")),
            .optional("period", UnitPatterns.duration("Time between probes (default 10s)")),
        ])
    }

    static let service: SchemaNode = .object(description: "A service.", properties: [
        .required("name", UnitPatterns.name("The service's name")),
        .required("image", .text(description: "A pinned image tag or digest; `latest` is refused.",
                                 pattern: "^[^\\s]+(:[^\\s]+|@sha256:[0-9a-f]{64})$")),
        .optional("priorityClass", reference("One of platform.priorityClasses")),
        .optional("command", textList("The container's entrypoint (default the image's).")),
        .optional("args", textList("Its arguments (default the image's).")),
        .optional("env", textMap("Plain environment variables; credentials go to secrets.")),
        .optional("securityContext", .object(description: "What the image needs of the hardened security context; the rest stays non-root, without privilege escalation, with every capability dropped.", properties: [
            .optional("runAsUser", .integer(description: "The user the image runs as (not 0: the namespace enforces the restricted Pod Security level).", minimum: 1)),
            .optional("runAsGroup", .integer(description: "Its group.", minimum: 0)),
            .optional("fsGroup", .integer(description: "The group that owns its volumes.", minimum: 0)),
            .optional("readOnlyRootFilesystem", .boolean(description: "False for an image that writes outside its volumes and /tmp (default true).")),
            .optional("capabilities", .object(description: "Capabilities added back.", properties: [
                .optional("add", textList("Only NET_BIND_SERVICE: the restricted Pod Security level refuses the others.")),
            ])),
        ])),
        .optional("serviceAccount", .object(description: "Its ServiceAccount.", properties: [
            .optional("annotations", textMap("Annotations, e.g. eks.amazonaws.com/role-arn.")),
        ])),
        .optional("ports", .list(description: "Named container ports; none for a worker (no Service, nothing routes to it).", items: .object(description: "A port.", properties: [
            .required("name", UnitPatterns.name("The port's name", maxLength: 15)),
            .required("port", .integer(description: "The port number.", minimum: 1, maximum: 65535)),
        ]), named: true)),
        .optional("replicas", count("Replicas without autoscaling (default 1).")),
        .required("resources", resources("The container's resources")),
        .required("probes", .object(description: "Readiness, liveness and startup probes.", properties: [
            .required("readiness", probe("Readiness")),
            .required("liveness", probe("Liveness")),
            .optional("startup", probe("Startup: holds the others back until a slow start is over")),
        ])),
        .optional("capacity", .object(description: "Measured capacity; feeds the capacity checks.", properties: [
            .required("rpsPerReplica", count("Requests per second one replica serves.")),
            .optional("share", UnitPatterns.percent("The part of sla.throughput.peak it carries, for a service behind another (default: what the public routes send it; nothing for one no route reaches)")),
        ])),
        .optional("volumes", .list(description: "Persistent volumes.", items: .object(description: "A volume.", properties: [
            .required("name", UnitPatterns.name("The volume's name")),
            .required("mountPath", text("Where it is mounted.")),
            .required("size", UnitPatterns.byteSize("Its size")),
            .optional("storageClass", text("The claim's StorageClass (default efs-sc when several replicas share it, else the cluster's default).")),
        ]), named: true)),
        .optional("config", textMap("ConfigMap data: environment variables.")),
        .optional("secrets", .object(description: "An ExternalSecret: references only, never values.", properties: [
            .required("store", UnitPatterns.name("The SecretStore", maxLength: 63)),
            .optional("refreshInterval", UnitPatterns.duration("How often it is refreshed (default 1h)")),
            .required("keys", textMap("Environment variable to path in the external store.")),
        ])),
        .optional("dependsOn", .list(description: "Services, databases, caches and external endpoints it talks to: NetworkPolicies follow from this.",
                                     items: reference("A service, database, cache or external endpoint"))),
        .optional("metrics", .list(description: "Metrics it exports; every PromQL query is checked against these.",
                                   items: .object(description: "A metric.", properties: [
                                       .required("name", text("The metric's name.")),
                                       .required("type", text("The metric type.", allowed: Metric.Kind.allCases.map(\.rawValue))),
                                       .optional("labels", textList("Its labels.")),
                                   ]), named: true)),
        .optional("disruption", .object(description: "The PodDisruptionBudget.", properties: [
            .required("minAvailable", count("Pods that must stay up during voluntary disruptions.")),
        ])),
        .optional("autoscaling", autoscaling),
    ])

    static let externalEndpoint: SchemaNode = .object(description: "An endpoint outside the platform.", properties: [
        .required("name", UnitPatterns.name("The name dependsOn uses")),
        .optional("host", text("Its host name. A NetworkPolicy cannot match host names: the egress admits every public address on the port (a CNI with DNS-aware policies can narrow it).")),
        .optional("cidrs", textList("Its IPv4 address ranges; the egress admits only these.")),
        .required("port", .integer(description: "The port.", minimum: 1, maximum: 65535)),
        .optional("protocol", text("TCP (default) or UDP.", allowed: ExternalEndpoint.NetworkProtocol.allCases.map(\.rawValue))),
    ])

    static let route: SchemaNode = .object(description: "A public route.", properties: [
        .optional("host", text("The host (default platform.domain).")),
        .optional("path", text("The path prefix (default /).")),
        .required("service", reference("A service, or Varnish (which sends it on to its backend)")),
        .optional("port", reference("The port name it reaches (default the service's http port, else its first)")),
        .optional("share", UnitPatterns.percent("The part of sla.throughput.peak it carries (default all of it)")),
    ])

    static let autoscaling: SchemaNode = .object(description: "How the service scales, plus a VPA.", properties: [
        .required("engine", text("keda (any trigger) or hpa (cpu and memory only); never both on one workload.",
                                 allowed: Autoscaling.Engine.allCases.map(\.rawValue))),
        .required("min", .integer(description: "Fewest replicas.")),
        .required("max", .integer(description: "Most replicas.")),
        .optional("pollingInterval", UnitPatterns.duration("How often triggers are read (default 30s)")),
        .optional("cooldown", UnitPatterns.duration("Wait before scaling in (default 5m)")),
        .optional("triggers", .list(description: "Scaling triggers.", items: trigger, named: true)),
        .optional("vpa", .object(description: "The VerticalPodAutoscaler.", properties: [
            .required("mode", text("Update mode; Off gives recommendations only (quote it: \"Off\").",
                                   allowed: VPA.Mode.allCases.map(\.rawValue))),
            .required("min", amounts("Lowest recommendation")),
            .required("max", amounts("Highest recommendation")),
        ])),
    ])

    static let trigger: SchemaNode = {
        let name = SchemaNode.Property.required("name", UnitPatterns.name("The trigger's name"))
        let shapes: [String: [SchemaNode.Property]] = [
            "cpu": [.required("target", UnitPatterns.percent("Target CPU utilisation"))],
            "memory": [.required("target", UnitPatterns.percent("Target memory utilisation"))],
            "prometheus": [
                .required("query", text("A PromQL query.")),
                .required("threshold", .number(description: "Value per replica to scale at (with scaleOutWhen: below, the value to keep the query at or above).")),
                .optional("activation", .number(description: "Value on the idle side of which the workload scales to its minimum (only written when min is 0).")),
                .optional("scaleOutWhen", text("Which side of the threshold calls for more replicas: above (default; a load such as requests) or below (a quality such as a score, which falls under load).",
                                               allowed: Trigger.ScaleOutWhen.allCases.map(\.rawValue))),
            ],
            "redis": [
                .required("list", text("The Redis list to watch.")),
                .required("length", count("List length per replica.")),
                .required("connection", reference("The Redis cluster (caching.redis.name)")),
            ],
        ]
        return .variants(description: "A scaling trigger, by type.", discriminator: "type",
                         cases: Trigger.Kind.typeNames.map { type in
                             (type, .object(description: "A \(type) trigger.", properties: [name] + (shapes[type] ?? [])))
                         })
    }()

    static let database: SchemaNode = .object(description: "A database cluster.", properties: [
        .required("name", UnitPatterns.name("The database's name")),
        .optional("engine", text("The engine (default postgresql).", allowed: Database.Engine.allCases.map(\.rawValue))),
        .required("version", .text(description: "The engine's major version; quote it: \"16\".", acceptsNumbers: true)),
        .required("instances", count("Instances in the cluster.")),
        .required("storage", UnitPatterns.byteSize("Storage per instance")),
        .required("resources", resources("Each instance's resources")),
    ])
}
