import BizraSpec

/// RES006.
public struct DisruptionBudgetBlocksDrain: Rule {
    public static let identifier = "RES006"
    public static let severity = Severity.error
    public static let summary = "PodDisruptionBudget minAvailable >= the minimum replicas (it would block every node drain)"
    public static let explanation = """
        A PodDisruptionBudget lets a node drain evict a pod only while more than `minAvailable` remain. When the \
        service runs at its minimum and `minAvailable` is not below it, no pod may ever be evicted: node upgrades \
        and cluster autoscaling hang. `minAvailable` must be below the minimum replicas.
        """
    public static let triggeringExamples: [RuleExample] = [.overlay("services:\n  - { name: bizra-node0, disruption: { minAvailable: 3 } }\n")]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("services:\n  - { name: bizra-node0, disruption: { minAvailable: 1 } }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        spec.services.compactMap { service in
            guard let disruption = service.disruption, disruption.minAvailable >= service.minReplicas else { return nil }
            let minimumLocation = service.autoscaling.map { $0.source["min"] } ?? service.source["replicas"]
            return finding(
                "PodDisruptionBudget of \(service.name): minAvailable \(disruption.minAvailable) is not below its minimum of \(service.minReplicas) replicas, so no node could ever be drained; use at most \(max(0, service.minReplicas - 1))",
                at: disruption.source["minAvailable"],
                notes: [.init("the minimum is \(service.minReplicas) replicas here", at: minimumLocation)])
        }
    }
}
