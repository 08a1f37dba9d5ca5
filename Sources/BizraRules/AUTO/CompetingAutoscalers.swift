import BizraSpec

/// AUTO001.
public struct CompetingAutoscalers: Rule {
    public static let identifier = "AUTO001"
    public static let severity = Severity.error
    public static let summary = "a workload scaled by two autoscalers, or `engine: hpa` with triggers only KEDA serves (prometheus, redis)"
    public static let explanation = """
        A plain HorizontalPodAutoscaler scales on cpu and memory only; prometheus and redis triggers need KEDA. \
        Emitting KEDA's ScaledObject beside an HPA for the same Deployment would make two controllers set its \
        replicas in turn, and dropping the triggers would silently ignore them. Use `engine: keda` for such \
        triggers (KEDA then owns the HPA), or keep to cpu and memory with `engine: hpa`.
        """
    public static let triggeringExamples: [RuleExample] = [.overlay("services:\n  - { name: bizra-node0, autoscaling: { engine: hpa } }\n")]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("services:\n  - { name: bizra-node0, autoscaling: { engine: keda } }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        spec.services.compactMap { service in
            guard let autoscaling = service.autoscaling, autoscaling.engine == .hpa else { return nil }
            let kedaOnly = autoscaling.triggers.filter { ["prometheus", "redis"].contains($0.kind.typeName) }
            guard !kedaOnly.isEmpty else { return nil }
            return finding(
                "\(service.name) uses engine hpa, but triggers \(kedaOnly.map(\.name).quotedList) need KEDA; use engine: keda (KEDA manages the HPA) or only cpu and memory triggers",
                at: autoscaling.source["engine"],
                notes: kedaOnly.map { .init("\($0.kind.typeName) trigger '\($0.name)'", at: $0.source.node) })
        }
    }
}
