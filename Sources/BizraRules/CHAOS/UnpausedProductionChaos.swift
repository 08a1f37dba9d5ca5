import BizraSpec

/// CHAOS001.
public struct UnpausedProductionChaos: Rule {
    public static let identifier = "CHAOS001"
    public static let severity = Severity.error
    public static let summary = "chaos in a production environment that is not `paused` and has no `allowProduction: true`"
    public static let explanation = """
        Chaos experiments kill pods and inject faults on a schedule. In production they must be started on \
        purpose: the schedule is emitted paused unless the spec says `allowProduction: true`, so that applying \
        the manifests never starts breaking production by itself.
        """
    public static let triggeringExamples: [RuleExample] = [.overlay("chaos: { paused: false }\n")]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("chaos: { paused: false, allowProduction: true }\n"),
        .overlay("platform: { environment: staging }\nchaos: { paused: false }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let chaos = spec.chaos, spec.platform.isProduction, !chaos.paused, !chaos.allowProduction else { return [] }
        return [finding("chaos runs unpaused in production environment '\(spec.platform.environment)'; set paused: true, or allowProduction: true to run it on purpose",
                        at: chaos.source["paused"],
                        notes: [.init("the environment is \(spec.platform.environment) here", at: spec.platform.source["environment"])])]
    }
}
