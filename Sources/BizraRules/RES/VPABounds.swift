import BizraSpec

/// RES004.
public struct VPABounds: Rule {
    public static let identifier = "RES004"
    public static let severity = Severity.error
    public static let summary = "VPA min above max, or VPA max above the quota"
    public static let explanation = """
        The VerticalPodAutoscaler recommends requests between `min` and `max`. A minimum above the maximum is \
        contradictory, and a maximum above the namespace quota's requests recommends pods the quota can never \
        admit.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { vpa: { min: { cpu: \"8\" } } } }\n"),
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { vpa: { max: { memory: 200Gi } } } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { vpa: { max: { cpu: \"8\", memory: 16Gi } } } }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        var findings: [Finding] = []
        for service in spec.services {
            guard let vpa = service.autoscaling?.vpa else { continue }
            if vpa.max.cpu < vpa.min.cpu {
                findings.append(finding("VPA of \(service.name): min cpu \(vpa.min.cpu) is above max \(vpa.max.cpu)",
                                        at: vpa.min.source["cpu"], notes: [.init("max cpu is \(vpa.max.cpu) here", at: vpa.max.source["cpu"])]))
            }
            if vpa.max.memory < vpa.min.memory {
                findings.append(finding("VPA of \(service.name): min memory \(vpa.min.memory) is above max \(vpa.max.memory)",
                                        at: vpa.min.source["memory"], notes: [.init("max memory is \(vpa.max.memory) here", at: vpa.max.source["memory"])]))
            }
            guard let quota = spec.platform.quota else { continue }
            if quota.requests.cpu < vpa.max.cpu {
                findings.append(finding("VPA of \(service.name): max cpu \(vpa.max.cpu) is above the namespace quota \(quota.requests.cpu); use at most \(quota.requests.cpu)",
                                        at: vpa.max.source["cpu"], notes: [.init("quota requests.cpu is \(quota.requests.cpu) here", at: quota.requests.source["cpu"])]))
            }
            if quota.requests.memory < vpa.max.memory {
                findings.append(finding("VPA of \(service.name): max memory \(vpa.max.memory) is above the namespace quota \(quota.requests.memory); use at most \(quota.requests.memory)",
                                        at: vpa.max.source["memory"], notes: [.init("quota requests.memory is \(quota.requests.memory) here", at: quota.requests.source["memory"])]))
            }
        }
        return findings
    }
}
