import BizraSpec

/// REF001.
public struct UnresolvedReference: Rule {
    public static let identifier = "REF001"
    public static let severity = Severity.error
    public static let summary = "a name that points at nothing: `target:`, `backend.service`, `dependsOn`, a route's `service`, `priorityClass`, `connection`, `source`, `primary`, workflow `steps`, `replicas`/`secondaries`/`replicateTo` regions, a backup `include`"
    public static let explanation = """
        A spec refers to other things by name: the chaos target, the Varnish backend, what a service depends on, \
        its priority class, the Redis a trigger reads, what replication copies, the primary region, the workflow's \
        experiments and the regions data goes to. A name that resolves to nothing would emit objects pointing at \
        nothing (a Varnish with no backend, NetworkPolicies that allow no one). The diagnostic points at the \
        reference, suggests the closest declared name and adds a note at that declaration.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("chaos: { target: bizra-nod0 }\n"),
        .overlay("routes:\n  - { path: /, service: varnsh }\n"),
        .overlay("regions: { backup: { include: [kubernetes-resources, postgress] } }\n"),
        .overlay("caching: { varnish: { backend: { service: bizra-api } } }\n"),
        .overlay("services:\n  - { name: bizra-node0, dependsOn: [redis-cluster, postgress] }\n"),
        .overlay("services:\n  - { name: bizra-node0, priorityClass: bizra-critcal }\n"),
        .overlay("services:\n  - name: bizra-node0\n    autoscaling:\n      triggers:\n        - { name: validation-queue, type: redis, list: q, length: 100, connection: redis }\n"),
        .overlay("regions: { replication: { postgres: { source: postgresql } } }\n"),
        .overlay("regions: { primary: us-east-2 }\n"),
        .overlay("chaos: { workflow: { steps: [network-latency, pod-failur] } }\n"),
        .overlay("regions: { replication: { redis: { secondaries: [eu-west-2] } } }\n"),
        .overlay("regions: { backup: { replicateTo: [eu-west-1, eu-central-1] } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("chaos: { target: bizra-node0 }\n"),
        .overlay("regions: { backup: { replicateTo: [eu-west-1] } }\n"),
        .overlay("regions: { backup: { include: [kubernetes-resources, postgres, redis-cluster] } }\n"),
        .overlay("external:\n  - { name: payments, host: api.payments.example.com, port: 443 }\nservices:\n  - { name: bizra-node0, dependsOn: [redis-cluster, postgres, payments] }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        var findings: [Finding] = []
        func resolve(_ name: String, in declarations: Declarations, as role: String, of owner: String? = nil,
                     at location: SourceLocation?) {
            guard !declarations.contains(name) else { return }
            let (message, notes) = declarations.unresolved(name, as: role, of: owner)
            findings.append(finding(message, at: location, notes: notes))
        }
        let services = Declarations.services(spec)
        let dependencies = Declarations.dependencies(spec)
        let priorityClasses = Declarations.priorityClasses(spec)
        let redis = Declarations.redis(spec)
        for service in spec.services {
            if let priorityClass = service.priorityClass {
                resolve(priorityClass, in: priorityClasses, as: "priorityClass", of: service.name, at: service.source["priorityClass"])
            }
            for dependency in service.dependsOn {
                resolve(dependency, in: dependencies, as: "dependsOn entry", of: service.name, at: service.source["dependsOn"])
            }
            for trigger in service.autoscaling?.triggers ?? [] {
                if case .redis(_, _, let connection) = trigger.kind {
                    resolve(connection, in: redis, as: "connection", of: "trigger '\(trigger.name)'", at: trigger.source["connection"])
                }
            }
        }
        if let backend = spec.caching?.varnish?.backend {
            resolve(backend.service, in: services, as: "varnish backend.service", at: backend.source["service"])
        }
        var routable = services
        if let varnish = spec.caching?.varnish {
            routable.entries.append(.init(name: varnish.name, location: varnish.source["name"]))
            routable.kind = "service or Varnish"
        }
        for route in spec.routes {
            resolve(route.service, in: routable, as: "route service", of: "route \(route.path)", at: route.source["service"])
        }
        if let chaos = spec.chaos {
            resolve(chaos.target, in: services, as: "chaos target", at: chaos.source["target"])
            if let regions = spec.regions {
                for region in chaos.regions ?? [] {
                    resolve(region, in: Declarations.regions(regions), as: "chaos region", at: chaos.source["regions"])
                }
            }
            if let workflow = chaos.workflow {
                let experiments = Declarations.experiments(chaos)
                for step in workflow.steps {
                    resolve(step, in: experiments, as: "workflow step", at: workflow.source["steps"])
                }
            }
        }
        if let regions = spec.regions {
            let declared = Declarations.regions(regions)
            resolve(regions.primary, in: declared, as: "primary region", at: regions.source["primary"])
            for replication in regions.replication.postgres {
                resolve(replication.source, in: Declarations.databases(spec), as: "replication.postgres source",
                        at: replication.sourceMap["source"])
                for target in replication.replicas {
                    resolve(target, in: declared, as: "replication.postgres replica", at: replication.sourceMap["replicas"])
                }
            }
            if let backup = regions.backup {
                let includable = Declarations.backupIncludes(spec)
                for entry in backup.include {
                    resolve(entry, in: includable, as: "backup include", at: backup.source["include"])
                }
            }
            if let replication = regions.replication.redis {
                resolve(replication.source, in: redis, as: "replication.redis source", at: replication.sourceMap["source"])
                for target in replication.secondaries {
                    resolve(target, in: declared, as: "replication.redis secondary", at: replication.sourceMap["secondaries"])
                }
            }
            for target in regions.backup?.replicateTo ?? [] {
                resolve(target, in: declared, as: "backup replicateTo", at: regions.backup?.source["replicateTo"])
            }
        }
        return findings
    }
}
