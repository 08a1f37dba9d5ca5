import BizraSpec

/// SLA012.
public struct ChaosVerificationThreshold: Rule {
    public static let identifier = "SLA012"
    public static let severity = Severity.error
    public static let summary = "chaos verification threshold below `sla.ihsanScore.duringChaos`, or above 100"
    public static let explanation = """
        After the chaos workflow, a verification step checks the ihsan score. A threshold below the SLA's \
        `ihsanScore.duringChaos` passes runs that break the SLA; one above 100 can never pass. Leave it out to \
        use `duringChaos`.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("chaos: { workflow: { verify: { ihsanScoreMin: 90 } } }\n"),
        .overlay("chaos: { workflow: { verify: { ihsanScoreMin: 101 } } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("chaos: { workflow: { verify: { ihsanScoreMin: 97 } } }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let workflow = spec.chaos?.workflow, let threshold = workflow.verifyIhsanScoreMin else { return [] }
        let duringChaos = spec.sla.ihsanScore.duringChaos
        let location = workflow.source["verify"]
        if threshold > 100 {
            return [finding("verify.ihsanScoreMin \(NumberText.decimal(threshold)) is above 100 and can never pass; use at most 100",
                            at: location)]
        }
        guard threshold < duringChaos else { return [] }
        return [finding("verify.ihsanScoreMin \(NumberText.decimal(threshold)) is below sla.ihsanScore.duringChaos \(NumberText.decimal(duringChaos)): runs that break the SLA would pass; use at least \(NumberText.decimal(duringChaos))",
                        at: location,
                        notes: [.init("duringChaos is \(NumberText.decimal(duringChaos)) here", at: spec.sla.ihsanScore.source["duringChaos"])])]
    }
}
