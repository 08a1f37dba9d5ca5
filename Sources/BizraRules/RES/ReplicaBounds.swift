import BizraSpec

/// RES005.
public struct ReplicaBounds: Rule {
    public static let identifier = "RES005"
    public static let severity = Severity.error
    public static let summary = "autoscaling min > max, min < 1, or `replicas` outside [min, max]"
    public static let explanation = """
        An autoscaler with its minimum above its maximum is refused by Kubernetes; a minimum of 0 scales the \
        service away entirely when idle, so the first request after a quiet period fails. `replicas` is the \
        starting size and must lie within the autoscaler's range, or the first reconciliation changes it anyway.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { min: 60 } }\n"),
        .overlay("services:\n  - { name: bizra-node0, replicas: 0, autoscaling: { min: 0 } }\n"),
        .overlay("services:\n  - { name: bizra-node0, replicas: 2 }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("services:\n  - { name: bizra-node0, replicas: 5 }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        var findings: [Finding] = []
        for service in spec.services {
            guard let autoscaling = service.autoscaling else { continue }
            let (min, max) = (autoscaling.min, autoscaling.max)
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
