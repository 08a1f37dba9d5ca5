import BizraSpec

/// SLA004.
public struct ReplicationLagAlert: Rule {
    public static let identifier = "SLA004"
    public static let severity = Severity.error
    public static let summary = "a replication `lagAlert` above the rpo (data loss could go unseen); warning when below the lag target (it would fire in normal operation)"
    public static let explanation = """
        The replication lag is the data a failover loses. An alert threshold above the recovery point objective \
        lets the replicas fall further behind than the rpo allows without anyone being told (an error). A threshold \
        below `sla.replicationLag`, the lag the platform expects in normal operation, fires while everything works \
        as intended (a warning). The threshold belongs between the two.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("regions: { replication: { postgres: { lagAlert: 30m } } }\n"),
        .overlay("regions: { replication: { redis: { lagAlert: 50ms } } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("regions: { replication: { postgres: { lagAlert: 15m }, redis: { lagAlert: 100ms } } }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let regions = spec.regions else { return [] }
        var findings: [Finding] = []
        let lag = spec.sla.replicationLag
        let replications: [(String, (any ReplicatedStore)?, TimeSpan?, String)] = regions.replication.postgres.map {
            ("postgres", $0, lag?.database, "database")
        } + [("redis", regions.replication.redis, lag?.redis, "redis")]
        for (key, replication, target, targetKey) in replications {
            guard let replication else { continue }
            let alert = replication.lagAlert
            let location = replication.sourceMap["lagAlert"]
            if let recovery = spec.sla.recovery, recovery.rpo < alert {
                findings.append(finding(
                    "replication.\(key).lagAlert \(alert) is above sla.recovery.rpo \(recovery.rpo): replicas could lag past the rpo unseen; alert at \(recovery.rpo) or less",
                    at: location, notes: [.init("the rpo is \(recovery.rpo) here", at: recovery.source["rpo"])]))
            } else if let target, alert < target {
                findings.append(warning(
                    "replication.\(key).lagAlert \(alert) is below the expected lag sla.replicationLag.\(targetKey) \(target): it would fire in normal operation; alert at \(target) or more",
                    at: location, notes: [.init("the lag target is \(target) here", at: lag?.source[targetKey])]))
            }
        }
        return findings
    }
}
