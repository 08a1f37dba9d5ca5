import BizraSpec

/// RES001.
public struct RequestAboveLimit: Rule {
    public static let identifier = "RES001"
    public static let severity = Severity.error
    public static let summary = "a request above its limit"
    public static let explanation = """
        Kubernetes refuses a container whose request is above its limit, so the Deployment or database would \
        never start. Requests are what the scheduler reserves; limits are the ceiling. The request must be at \
        most the limit.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, resources: { requests: { cpu: \"3\" } } }\n"),
        .overlay("databases:\n  - { name: postgres, resources: { requests: { memory: 16Gi } } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, resources: { requests: { cpu: \"1\", memory: 1Gi } } }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        var owners = spec.services.map { ("service \($0.name)", $0.resources) }
        owners += spec.databases.map { ("database \($0.name)", $0.resources) }
        return owners.flatMap { owner, resources -> [Finding] in
            var findings: [Finding] = []
            let (requests, limits) = (resources.requests, resources.limits)
            if limits.cpu < requests.cpu {
                findings.append(finding("\(owner) requests cpu \(requests.cpu), above its limit \(limits.cpu); request at most \(limits.cpu)",
                                        at: requests.source["cpu"], notes: [.init("the cpu limit is \(limits.cpu) here", at: limits.source["cpu"])]))
            }
            if limits.memory < requests.memory {
                findings.append(finding("\(owner) requests memory \(requests.memory), above its limit \(limits.memory); request at most \(limits.memory)",
                                        at: requests.source["memory"], notes: [.init("the memory limit is \(limits.memory) here", at: limits.source["memory"])]))
            }
            return findings
        }
    }
}
