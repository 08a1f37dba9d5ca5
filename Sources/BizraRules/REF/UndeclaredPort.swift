import BizraSpec

/// REF002.
public struct UndeclaredPort: Rule {
    public static let identifier = "REF002"
    public static let severity = Severity.error
    public static let summary = "a port name that the service does not declare (`probes.readiness.port: web`, `backend.port`, chaos `port`)"
    public static let explanation = """
        Probes, the Varnish backend and http-abort experiments name a port of a service rather than a number, so \
        that a port renumbered in one place moves everywhere. A name the service does not declare would give a \
        probe that never succeeds or a backend that is never reached; the diagnostic lists the ports it declares.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, probes: { readiness: { port: web } } }\n"),
        .overlay("caching: { varnish: { backend: { port: htp } } }\n"),
        .overlay("chaos:\n  experiments:\n    - { name: http-fault, type: http-abort, port: grpc, path: /api/, duration: 2m }\n"),
        .overlay("services:\n  - { name: bizra-node0, dependsOn: [redis-cluster, postgres, mailer] }\n" + worker),
        .overlay("routes:\n  - { path: /, service: varnish }\n  - { path: /mail, service: mailer }\nservices:\n" + worker),
    ]
    /// A worker (a service with no port), as a `services` item.
    static let worker = """
          - { name: mailer, image: "ghcr.io/bizra/mailer:1.0.0", replicas: 1,
              resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { cpu: 500m, memory: 256Mi } },
              probes: { readiness: { exec: [mailer, check] }, liveness: { exec: [mailer, check] } } }

        """
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, probes: { readiness: { port: metrics } } }\n"),
        .overlay("services:\n  - { name: bizra-node0, probes: { startup: { grpc: metrics } } }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        var findings: [Finding] = []
        func resolve(_ port: String, of service: Service, as role: String, of owner: String? = nil, at location: SourceLocation?) {
            let ports = Declarations.ports(service)
            guard !ports.contains(port) else { return }
            let (message, notes) = ports.unresolved(port, as: role, of: owner)
            findings.append(finding(message, at: location, notes: notes))
        }
        for service in spec.services {
            for dependency in service.dependsOn {
                guard let target = spec.service(named: dependency), target.isWorker else { continue }
                findings.append(finding("dependsOn entry '\(dependency)' of \(service.name) is a worker: it declares no port to connect to",
                                        at: service.source["dependsOn"],
                                        notes: [.init("\(dependency) is declared here; give it the port it serves, or drop the dependency", at: target.source.node)]))
            }
            for (role, probe) in service.probes.all {
                guard let port = probe.port else { continue }
                resolve(port, of: service, as: "\(role) probe port", at: probe.source[probe.portKey])
            }
        }
        for route in spec.routes {
            guard let service = spec.service(named: route.service) else { continue }
            if let port = route.port {
                resolve(port, of: service, as: "route port", at: route.source["port"])
            } else if service.isWorker {
                findings.append(finding("route \(route.path) goes to \(service.name), a worker: it declares no port to serve it",
                                        at: route.source["service"], notes: [.init("\(service.name) is declared here", at: service.source.node)]))
            }
        }
        if let backend = spec.caching?.varnish?.backend, let service = spec.service(named: backend.service) {
            resolve(backend.port, of: service, as: "varnish backend.port", at: backend.source["port"])
        }
        if let chaos = spec.chaos, let target = spec.service(named: chaos.target) {
            for experiment in chaos.experiments {
                if case .httpAbort(let port, _) = experiment.kind {
                    resolve(port, of: target, as: "port", of: "experiment '\(experiment.name)'", at: experiment.source["port"])
                }
            }
        }
        return findings
    }
}
