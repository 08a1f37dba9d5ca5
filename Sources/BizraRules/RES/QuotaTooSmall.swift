import BizraSpec

/// RES002.
public struct QuotaTooSmall: Rule {
    public static let identifier = "RES002"
    public static let severity = Severity.error
    public static let summary = "the namespace quota cannot hold every workload at its maximum replicas (requests, limits, pods)"
    public static let explanation = """
        The ResourceQuota caps the sum over every pod of the namespace. At peak every service runs its maximum \
        replicas, the database all its instances, the Redis cluster all its nodes and Varnish all its replicas; \
        if the sum of their requests, limits or pod count is above the quota, the autoscaler's new pods are \
        refused exactly when they are needed. The diagnostic shows the sum, workload by workload.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("platform: { quota: { requests: { cpu: \"20\" } } }\n"),
        .overlay("platform: { quota: { pods: 50 } }\n"),
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { max: 100 } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("platform: { quota: { requests: { cpu: \"32\" }, pods: 80 } }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let quota = spec.platform.quota else { return [] }
        let footprint = NamespaceFootprint(spec)
        var findings: [Finding] = []
        // The texts (the breakdown lists every workload) are built only for a quota that is exceeded.
        func compare(_ key: String, _ need: @autoclosure () -> String, _ atLeast: @autoclosure () -> String, _ have: String,
                     exceeded: Bool, breakdown: @autoclosure () -> String, at location: SourceLocation?) {
            guard exceeded else { return }
            let notes = footprint.workloads.map { Finding.Note("\($0.what): \($0.pods) pods at most", at: $0.location) }
            findings.append(finding(
                "quota \(key) \(have) cannot hold every workload at its maximum: \(breakdown()) = \(need()); raise it to at least \(atLeast()) or lower the maximums",
                at: location, notes: notes))
        }
        let requests = footprint.requests, limits = footprint.limits
        let cpu: (CPU) -> String = { NumberText.decimal($0.cores) }
        let cpuAtLeast: (CPU) -> String = { NumberText.decimal(($0.cores).rounded(.up)) }
        let memoryAtLeast: (ByteSize) -> String = { "\(Int(saturating: Double($0.bytes) / Double(1 << 30), rounding: .up))Gi" }
        compare("requests.cpu", cpu(requests.cpu), cpuAtLeast(requests.cpu), quota.requests.cpu.description,
                exceeded: quota.requests.cpu < requests.cpu,
                breakdown: footprint.breakdown({ $0.cpu.description }, of: \.requests), at: quota.requests.source["cpu"])
        compare("requests.memory", requests.memory.description, memoryAtLeast(requests.memory), quota.requests.memory.description,
                exceeded: quota.requests.memory < requests.memory,
                breakdown: footprint.breakdown({ $0.memory.description }, of: \.requests), at: quota.requests.source["memory"])
        compare("limits.cpu", cpu(limits.cpu), cpuAtLeast(limits.cpu), quota.limits.cpu.description,
                exceeded: quota.limits.cpu < limits.cpu,
                breakdown: footprint.breakdown({ $0.cpu.description }, of: \.limits), at: quota.limits.source["cpu"])
        compare("limits.memory", limits.memory.description, memoryAtLeast(limits.memory), quota.limits.memory.description,
                exceeded: quota.limits.memory < limits.memory,
                breakdown: footprint.breakdown({ $0.memory.description }, of: \.limits), at: quota.limits.source["memory"])
        compare("pods", "\(footprint.pods)", "\(footprint.pods)", "\(quota.pods)", exceeded: quota.pods < footprint.pods,
                breakdown: footprint.workloads.map { "\($0.pods) (\($0.what))" }.joined(separator: " + "), at: quota.source["pods"])
        return findings
    }
}
