import BizraSpec

/// The SPEC rules about YAML itself (syntax, unknown keys, missing keys, versions, limits):
/// checked while the spec is read, so `check` has nothing left to find. They are in the
/// catalogue for `rules`, `explain` and their examples.
protocol LoadTimeRule: Rule {}

extension LoadTimeRule {
    public func check(_ spec: Spec) -> [Finding] { [] }
    public static var severity: Severity { .error }
}

/// A SPEC rule checked on the model, so that a spec built in Swift gets it too; the YAML loader
/// runs the same checks on what it reads (SpecValues), and refuses the spec before any rule runs.
protocol ModelSpecRule: Rule {}

extension ModelSpecRule {
    public static var severity: Severity { .error }
}

let specRules: [any Rule.Type] = [
    UnknownKey.self, WrongTypeOrUnit.self, MissingKey.self, Duplicate.self, InvalidName.self,
    UnsupportedVersion.self, InvalidYAML.self, InputLimits.self, UnusedSuppression.self,
]

/// SPEC009.
public struct UnusedSuppression: LoadTimeRule {
    public static let identifier = "SPEC009"
    public static let severity = Severity.warning
    public static let summary = "a suppression that accepts no warning (its cause is gone, it names an unknown rule, or it matches only errors)"
    public static let explanation = """
        `suppressions:` entries accept a rule's warnings, where `at` says (a path into the spec: \
        `caching.redis`, `services.web`), for the `reason` given; the findings stay listed as suppressed \
        (text, JSON, and SARIF suppressions) and no longer count, so `--warnings-as-errors` can gate CI. \
        Errors are never suppressed. A suppression that accepts nothing is reported, so that an accepted \
        warning does not outlive its cause.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("suppressions:\n  - { rule: CACHE003, at: caching.varnish, reason: the ACL is fine }\n"),
        .overlay("suppressions:\n  - { rule: CACHE999, reason: no such rule }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("caching: { redis: { maxmemoryPolicy: allkeys-lru } }\nsuppressions:\n  - { rule: CACHE004, at: caching.redis, reason: the queue's producers re-enqueue what is evicted }\n"),
    ]
    public init() {}
}

/// SPEC001.
public struct UnknownKey: LoadTimeRule {
    public static let identifier = "SPEC001"
    public static let summary = "unknown key (`replica:` for `replicas:`), with did-you-mean"
    public static let explanation = """
        A key the format does not define is an error, never silently ignored: a misspelt `replica:` would \
        otherwise leave the default in place and deploy something other than what was written. The diagnostic \
        points at the key and suggests the closest known key.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, replica: 4 }\n"),
        .overlay("sla: { latncy: { p50: 50ms, p95: 100ms, p99: 200ms } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("services:\n  - { name: bizra-node0, replicas: 4 }\n")]
    public init() {}
}

/// SPEC002.
public struct WrongTypeOrUnit: ModelSpecRule {
    public static let identifier = "SPEC002"
    public static let summary = "value of the wrong type, or a unit that does not parse (`5 minutes`, `2GB`, `110%`, a cron with 4 fields), or a bare number where a unit is required (`memory: 512`)"
    public static let explanation = """
        Durations, sizes, CPU, percentages, rates and cron schedules are parsed once, at load, into types. \
        A value that does not parse is reported at the value with the form that was expected. In the Swift \
        DSL, every unit literal that does not parse is reported the same way, at the initialiser that holds it, \
        and the spec is checked no further.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("sla: { latency: { p95: 5 minutes } }\n"),
        .overlay("caching: { redis: { memoryPerNode: 2GB } }\n"),
        .overlay("sla: { errorRate: 110% }\n"),
        .overlay("chaos: { schedule: \"0 2 * *\" }\n"),
        .overlay("services:\n  - { name: bizra-node0, replicas: three }\n"),
        .overlay("caching: { redis: { memoryPerNode: 2048 } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("sla: { latency: { p95: 120ms } }\n")]
    public init() {}

    /// The part checked on the model: numbers in range, texts in their value lists.
    public func check(_ spec: Spec) -> [Finding] {
        // Invalid literals are reported before any rule runs (SpecChecker); here, the values' ranges and lists.
        SpecValues.findings(in: spec).filter { $0.rule == Self.identifier }
    }
}

/// SPEC003.
public struct MissingKey: ModelSpecRule {
    public static let identifier = "SPEC003"
    public static let summary = "required key missing (a service without `image`)"
    public static let explanation = """
        Keys without a sensible default must be written. The diagnostic points at the mapping that lacks the key.
        """
    public static let triggeringExamples: [RuleExample] = [.document("""
        version: 1
        platform: { name: shop, environment: staging, namespace: shop, domain: shop.example.com }
        """)]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("platform: { domain: api.bizra.ai }\n")]
    public init() {}

    /// Checked on the model too: what a value needs besides its keys (an external endpoint's host
    /// or CIDRs, replication's secret store).
    public func check(_ spec: Spec) -> [Finding] {
        SpecValues.findings(in: spec).filter { $0.rule == Self.identifier }
    }
}

/// SPEC004.
public struct Duplicate: ModelSpecRule {
    public static let identifier = "SPEC004"
    public static let summary = "duplicate: a key twice in one map, two items with one `name`, a section defined in two files, two things whose derived objects would share a name (a service and a database both `checkout`)"
    public static let explanation = """
        YAML parsers disagree on which of two equal keys wins; bizra-gen refuses the ambiguity. Items of a list \
        are keyed by `name`, so two with the same name are refused too, with a note at the first. Services, \
        databases, the Redis cluster and Varnish share one namespace and one set of derived names (their \
        Services, NetworkPolicies, monitors); external endpoints share the names `dependsOn` resolves), so one name for two of them would give two objects one name, \
        and `kubectl apply` refuses the second.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("sla:\n  errorRate: 1%\n  errorRate: 2%\n"),
        .document("""
            version: 1
            platform: { name: shop, environment: staging, namespace: shop, domain: shop.example.com }
            databases:
              - { name: orders, version: "16", instances: 1, storage: 1Gi, resources: { requests: { cpu: 1, memory: 1Gi }, limits: { cpu: 1, memory: 1Gi } } }
              - { name: orders, version: "16", instances: 1, storage: 1Gi, resources: { requests: { cpu: 1, memory: 1Gi }, limits: { cpu: 1, memory: 1Gi } } }
            """),
        .overlay("databases:\n  - { name: bizra-node0, version: \"16\", instances: 1, storage: 1Gi, resources: { requests: { cpu: 1, memory: 1Gi }, limits: { cpu: 1, memory: 1Gi } } }\n"),
        .overlay("caching: { varnish: { name: redis-cluster } }\n"),
        .overlay("external:\n  - { name: postgres, host: db.example.com, port: 5432 }\n"),
        .overlay("routes:\n  - { path: /, service: varnish }\n  - { host: api.bizra.ai, service: bizra-node0 }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("sla: { errorRate: 2% }\n")]
    public init() {}

    /// The part checked on the model, for both front ends: two items of a list with one name,
    /// names shared across sections.
    public func check(_ spec: Spec) -> [Finding] {
        var named: [(kind: String, name: String, location: SourceLocation?)] = spec.services.map { ("service", $0.name, $0.source["name"]) }
        named += spec.databases.map { ("database", $0.name, $0.source["name"]) }
        if let redis = spec.caching?.redis { named.append(("Redis cluster", redis.name, redis.source["name"])) }
        if let varnish = spec.caching?.varnish { named.append(("Varnish", varnish.name, varnish.source["name"])) }
        named += spec.external.map { ("external endpoint", $0.name, $0.source["name"]) }
        var first: [String: (kind: String, location: SourceLocation?)] = [:]
        var findings = NamedListDuplicates.findings(in: spec)
        for item in named {
            guard let earlier = first[item.name] else {
                first[item.name] = (item.kind, item.location)
                continue
            }
            guard earlier.kind != item.kind else { continue }  // two of one kind: the list's own SPEC004
            findings.append(finding("the \(item.kind) '\(item.name)' has the name of a \(earlier.kind): their Services, NetworkPolicies and monitors would share names; rename one",
                                    at: item.location, notes: [.init("the \(earlier.kind) '\(item.name)' is named here", at: earlier.location)]))
        }
        var replicated: [String: SourceLocation?] = [:]
        for replication in spec.regions?.replication.postgres ?? [] {
            if let earlier = replicated[replication.source] {
                findings.append(finding("replication.postgres lists \(replication.source) twice; give it one entry with every replica region",
                                        at: replication.sourceMap["source"], notes: [.init("its first entry", at: earlier)]))
            }
            replicated[replication.source] = replicated[replication.source] ?? replication.sourceMap["source"]
        }
        var routes: [String: Route] = [:]
        for route in spec.routes {
            let key = "\(route.host ?? spec.platform.domain)\(route.path)"
            if let earlier = routes[key] {
                findings.append(finding("two routes for \(key): the load balancer would keep one of them; merge them or change a path",
                                        at: route.source["path"] ?? route.source.node,
                                        notes: [.init("the first route for \(key)", at: earlier.source.node)]))
            }
            routes[key] = routes[key] ?? route
        }
        return findings
    }
}

/// SPEC005.
public struct InvalidName: ModelSpecRule {
    public static let identifier = "SPEC005"
    public static let summary = "a name that is not a DNS-1123 label (`Bizra_Node`) or too long for what is derived from it"
    public static let explanation = """
        Names become Kubernetes object names, labels and DNS names, and derived objects append suffixes; a name \
        must be a lowercase DNS-1123 label short enough that every derived name stays within 63 characters.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("databases:\n  - { name: Bizra_DB, version: \"16\", instances: 1, storage: 1Gi, resources: { requests: { cpu: 1, memory: 1Gi }, limits: { cpu: 1, memory: 1Gi } } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("platform: { name: bizra-two }\n")]
    public init() {}

    /// Checked on the model: every name a DNS label short enough for what is derived from it.
    public func check(_ spec: Spec) -> [Finding] {
        SpecValues.findings(in: spec).filter { $0.rule == Self.identifier }
    }
}

/// SPEC006.
public struct UnsupportedVersion: ModelSpecRule {
    public static let identifier = "SPEC006"
    public static let summary = "`version` missing or not supported"
    public static let explanation = """
        The `version` key names the spec format; this bizra-gen reads version 1. A spec without it, or for \
        another version, is refused before anything else is read.
        """
    public static let triggeringExamples: [RuleExample] = [.overlay("version: 2\n")]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("version: 1\n")]
    public init() {}

    /// Checked on the model too: `Spec(version:)` in Swift.
    public func check(_ spec: Spec) -> [Finding] {
        SpecValues.findings(in: spec).filter { $0.rule == Self.identifier }
    }
}

/// SPEC007.
public struct InvalidYAML: LoadTimeRule {
    public static let identifier = "SPEC007"
    public static let summary = "YAML that does not parse (line and column from the parser)"
    public static let explanation = """
        A syntax error is reported where the parser found it, with the context it was reading; invalid UTF-8 \
        and NUL bytes are reported at their position.
        """
    public static let triggeringExamples: [RuleExample] = [.document("version: 1\nplatform: [unclosed\n")]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("platform: { labels: { team: core } }\n")]
    public init() {}
}

/// SPEC008.
public struct InputLimits: LoadTimeRule {
    public static let identifier = "SPEC008"
    public static let summary = "input beyond the limits: file too large, nesting too deep, alias expansion too large (YAML bombs)"
    public static let explanation = """
        Every spec file is checked against size, nesting-depth, alias-count and expanded-size limits in one \
        linear pass before it is composed, so hostile input is refused in bounded time and memory.
        """
    public static let triggeringExamples: [RuleExample] = [
        .document("version: 1\nplatform: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"),
        .document("""
            version: 1
            a: &a [x, x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
            f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
            """),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("platform: { labels: { a: b } }\n")]
    public init() {}
}
