import BizraSpec

/// AUTO002.
public struct VPAFightsResourceTriggers: Rule {
    public static let identifier = "AUTO002"
    public static let severity = Severity.error
    public static let summary = "VPA in `Auto` or `Recreate` mode on a workload scaled on cpu or memory"
    public static let explanation = """
        A horizontal autoscaler on cpu or memory utilisation divides usage by the requests; a VPA in Auto or \
        Recreate mode changes those requests. Each reacts to the other: the VPA raises requests, utilisation \
        drops, the HPA removes replicas, usage per pod rises, and so on. Keep the VPA in `Off` (recommendations) \
        or `Initial` mode, or scale horizontally on other metrics.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { vpa: { mode: Auto } } }\n"),
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { vpa: { mode: Recreate } } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("services:\n  - { name: bizra-node0, autoscaling: { vpa: { mode: Initial } } }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        spec.services.compactMap { service in
            guard let autoscaling = service.autoscaling, let vpa = autoscaling.vpa,
                  vpa.mode == .auto || vpa.mode == .recreate, autoscaling.scalesOnResources else { return nil }
            let resourceTriggers = autoscaling.triggers.filter { $0.kind.typeName == "cpu" || $0.kind.typeName == "memory" }
            return finding(
                "VPA of \(service.name) in mode \(vpa.mode.rawValue) would fight its \(resourceTriggers.map(\.name).quotedList) trigger\(resourceTriggers.count == 1 ? "" : "s"); use mode \"Off\" or \"Initial\"",
                at: vpa.source["mode"],
                notes: resourceTriggers.map { .init("\($0.kind.typeName) trigger '\($0.name)'", at: $0.source.node) })
        }
    }
}
