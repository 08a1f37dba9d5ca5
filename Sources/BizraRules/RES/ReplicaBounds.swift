import BizraSpec

/// RES005.
public struct ReplicaBounds: Rule {
    public static let identifier = "RES005"
    public static let severity = Severity.error
    public static let summary = "autoscaling min > max, min < 1, `replicas` outside [min, max], or autoscaling with no trigger"
    public static let explanation = """
        An autoscaler with its minimum above its maximum is refused by Kubernetes; a minimum of 0 scales the \
        service away entirely when idle, so the first request after a quiet period fails. `replicas` is the \
        starting size and must lie within the autoscaler's range, or the first reconciliation changes it anyway. \
        An autoscaler needs at least one trigger: KEDA's CRD refuses a ScaledObject without one, and an HPA \
        without metrics would scale on a CPU target nobody chose.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { min: 60 } }\n"),
        .overlay("services:\n  - { name: bizra-node0, replicas: 0, autoscaling: { min: 0 } }\n"),
        .overlay("services:\n  - { name: bizra-node0, replicas: 2 }\n"),
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { triggers: [] } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("services:\n  - { name: bizra-node0, replicas: 5 }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        var findings: [Finding] = []
        for service in spec.services {
            guard let autoscaling = service.autoscaling else { continue }
            let (min, max) = (autoscaling.min, autoscaling.max)
            if autoscaling.triggers.isEmpty {
                findings.append(finding("autoscaling of \(service.name) has no trigger; give it at least one (cpu, memory, prometheus or redis), or drop autoscaling and set replicas",
                                        at: autoscaling.source["triggers"] ?? autoscaling.source.node))
            }
            if max < min {
                findings.append(finding("autoscaling of \(service.name): min \(min) is above max \(max)", at: autoscaling.source["min"],
                                        notes: [.init("max is \(max) here", at: autoscaling.source["max"])]))
            } else if min < 1 {
                findings.append(finding("autoscaling of \(service.name): min \(min) would scale the service away; use at least 1",
                                        at: autoscaling.source["min"]))
            } else if let location = service.source.exactly("replicas"), !(min...max).contains(service.replicas) {
                findings.append(finding("\(service.name) starts at \(service.replicas) replicas, outside its autoscaling range [\(min), \(max)]; use a value from \(min) to \(max)",
                                        at: location, notes: [.init("autoscaling range is written here", at: autoscaling.source.node)]))
            }
        }
        return findings
    }
}
