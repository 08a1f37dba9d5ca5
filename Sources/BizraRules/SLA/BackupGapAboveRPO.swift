import BizraSpec

/// SLA005.
public struct BackupGapAboveRPO: Rule {
    public static let identifier = "SLA005"
    public static let severity = Severity.error
    public static let summary = "the backup schedule leaves a gap longer than the rpo (every 6h against an rpo of 15m)"
    public static let explanation = """
        The recovery point objective is the most data a disaster may lose. Restoring from the last backup loses \
        everything since, so the longest time between two backup runs must not exceed the rpo. The gap is \
        computed from the cron schedule over a whole four-year calendar, so schedules that skip weekends or \
        months are measured at their worst.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("regions: { backup: { schedule: \"0 */6 * * *\" } }\n"),
        .overlay("regions: { backup: { schedule: \"*/15 * * * 1-5\" } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("regions: { backup: { schedule: \"*/5 * * * *\" } }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let backup = spec.regions?.backup, let recovery = spec.sla.recovery,
              let gap = backup.schedule.longestGap, recovery.rpo < gap else { return [] }
        return [finding("backup schedule \"\(backup.schedule)\" leaves up to \(DurationText.long(gap)) between backups, more than sla.recovery.rpo \(recovery.rpo); run it at least every \(recovery.rpo)",
                        at: backup.source["schedule"],
                        notes: [.init("the rpo is \(recovery.rpo) here", at: recovery.source["rpo"])])]
    }
}
