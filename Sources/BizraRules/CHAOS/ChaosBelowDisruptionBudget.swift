import BizraSpec

/// CHAOS003.
public struct ChaosBelowDisruptionBudget: Rule {
    public static let identifier = "CHAOS003"
    public static let severity = Severity.warning
    public static let summary = "a pod-failure with mode `all`, or any experiment that can take the target below its PodDisruptionBudget"
    public static let explanation = """
        A pod-failure or pod-kill experiment removes pods regardless of the PodDisruptionBudget. In mode `all` it \
        takes the whole service down, which tests nothing but an outage; in mode `one` at the service's minimum \
        replicas it leaves one pod fewer than the budget promises. Use mode `one` and keep \
        `minReplicas - 1 >= minAvailable`.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("chaos:\n  experiments:\n    - { name: pod-failure, type: pod-failure, mode: all, duration: 2m }\n"),
        .overlay("services:\n  - { name: bizra-node0, disruption: { minAvailable: 3 } }\nchaos:\n  experiments:\n    - { name: pod-kill, type: pod-kill, mode: one, duration: 1m }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("chaos:\n  experiments:\n    - { name: pod-failure, type: pod-failure, mode: one, duration: 1m }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let chaos = spec.chaos, let target = spec.service(named: chaos.target) else { return [] }
        return chaos.experiments.compactMap { experiment in
            switch experiment.kind {
            case .podFailure, .podKill: break
            default: return nil
            }
            if experiment.mode == .all {
                return finding("experiment '\(experiment.name)' (\(experiment.kind.typeName)) in mode all takes every pod of \(target.name) down; use mode one",
                               at: experiment.source["mode"])
            }
            guard experiment.mode == .one, let disruption = target.disruption,
                  target.minReplicas - 1 < disruption.minAvailable else { return nil }
            return finding(
                "experiment '\(experiment.name)' can leave \(target.name) with \(target.minReplicas - 1) pods at its minimum of \(target.minReplicas), below its PodDisruptionBudget minAvailable \(disruption.minAvailable); raise the minimum to \(disruption.minAvailable + 1)",
                at: experiment.source.node,
                notes: [.init("minAvailable is \(disruption.minAvailable) here", at: disruption.source["minAvailable"])])
        }
    }
}
