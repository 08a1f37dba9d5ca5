import BizraSpec

/// SLA012.
public struct ChaosVerificationThreshold: Rule {
    public static let identifier = "SLA012"
    public static let severity = Severity.error
    public static let summary = "chaos verification threshold below `sla.ihsanScore.duringChaos`, or above 100, or given without `sla.ihsanScore`"
    public static let explanation = """
        After the chaos workflow, a verification step checks the ihsan score. A threshold below the SLA's \
        `ihsanScore.duringChaos` passes runs that break the SLA; one above 100 can never pass. Leave it out to \
        use `duringChaos`. Without `sla.ihsanScore` the verification checks the SLA's p95 latency and error rate \
        instead, so an ihsan threshold there would be ignored: it is an error.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("chaos: { workflow: { verify: { ihsanScoreMin: 90 } } }\n"),
        .overlay("chaos: { workflow: { verify: { ihsanScoreMin: 101 } } }\n"),
        .overlay("sla: { ihsanScore: null }\nchaos: { workflow: { verify: { ihsanScoreMin: 95 } } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("chaos: { workflow: { verify: { ihsanScoreMin: 97 } } }\n"),
        .overlay("sla: { ihsanScore: null }\nchaos: { workflow: { verify: null } }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let workflow = spec.chaos?.workflow, let verify = workflow.verify, let threshold = verify.ihsanScoreMin else { return [] }
        let location = verify.source["ihsanScoreMin"]
        guard let ihsan = spec.sla.ihsanScore else {
            return [finding("verify.ihsanScoreMin \(NumberText.decimal(threshold)) has no ihsan score to check: the SLA has no ihsanScore, so the verification checks its p95 latency and error rate; remove verify.ihsanScoreMin or declare sla.ihsanScore",
                            at: location, notes: [.init("the SLA is here", at: spec.sla.source.node)])]
        }
        if threshold > 100 {
            return [finding("verify.ihsanScoreMin \(NumberText.decimal(threshold)) is above 100 and can never pass; use at most 100",
                            at: location)]
        }
        guard threshold < ihsan.duringChaos else { return [] }
        let duringChaos = NumberText.decimal(ihsan.duringChaos)
        return [finding("verify.ihsanScoreMin \(NumberText.decimal(threshold)) is below sla.ihsanScore.duringChaos \(duringChaos): runs that break the SLA would pass; use at least \(duringChaos)",
                        at: location,
                        notes: [.init("duringChaos is \(duringChaos) here", at: ihsan.source["duringChaos"])])]
    }
}
