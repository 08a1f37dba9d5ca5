import BizraSpec

/// CHAOS002.
public struct WorkflowLongerThanSchedule: Rule {
    public static let identifier = "CHAOS002"
    public static let severity = Severity.error
    public static let summary = "the workflow's total duration longer than the interval of its schedule"
    public static let explanation = """
        The workflow runs its steps one after another, so it lasts the sum of their durations. If that is longer \
        than the time between two runs of its schedule (the shortest one, over a whole calendar), the next run \
        starts while the previous still injects faults and experiments pile up on the target.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("chaos: { schedule: \"*/5 * * * *\" }\n"),
        .overlay("chaos: { schedule: \"0 2,3 * * *\", experiments: [{ name: network-latency, type: network-delay, latency: 100ms, duration: 2h }] }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("chaos: { schedule: \"0 */6 * * *\" }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let chaos = spec.chaos, let workflow = chaos.workflow,
              let interval = chaos.schedule.shortestGap else { return [] }
        let steps = workflow.steps.compactMap(chaos.experiment(named:))
        let total = steps.reduce(TimeSpan(milliseconds: 0)) { $0 + $1.duration }
        guard interval < total else { return [] }
        let sum = steps.map { "\($0.duration) (\($0.name))" }.joined(separator: " + ")
        return [finding("workflow '\(workflow.name)' lasts \(sum) = \(DurationText.long(total)), longer than the \(DurationText.long(interval)) between runs of schedule \"\(chaos.schedule)\"; schedule it at most every \(DurationText.long(total)) or shorten the steps",
                        at: chaos.source["schedule"],
                        notes: [.init("the workflow's steps", at: workflow.source["steps"])])]
    }
}
