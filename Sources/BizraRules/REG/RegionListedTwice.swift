import BizraSpec

/// REG003.
public struct RegionListedTwice: Rule {
    public static let identifier = "REG003"
    public static let severity = Severity.error
    public static let summary = "a region listed twice, or the primary listed among its own replicas"
    public static let explanation = """
        Replication and backup copy data from the primary region to the regions listed under `replicas`, \
        `secondaries` and `replicateTo`. A region listed twice would get two replicas fighting over one name; the \
        primary among its own replicas would replicate onto itself.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("regions: { replication: { postgres: { replicas: [eu-west-1, eu-west-1] } } }\n"),
        .overlay("regions: { replication: { redis: { secondaries: [us-east-1, eu-west-1] } } }\n"),
        .overlay("regions: { backup: { replicateTo: [eu-west-1, us-east-1] } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("regions: { backup: { replicateTo: [eu-west-1, ap-northeast-1] } }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let regions = spec.regions else { return [] }
        var lists: [(String, [String], SourceLocation?)] = []
        for r in regions.replication.postgres { lists.append(("replication.postgres.replicas", r.replicas, r.sourceMap["replicas"])) }
        if let r = regions.replication.redis { lists.append(("replication.redis.secondaries", r.secondaries, r.sourceMap["secondaries"])) }
        if let b = regions.backup { lists.append(("backup.replicateTo", b.replicateTo, b.source["replicateTo"])) }
        var findings: [Finding] = []
        for (key, names, location) in lists {
            var seen: Set<String> = []
            for name in names where !seen.insert(name).inserted {
                findings.append(finding("\(key) lists region \(name) twice", at: location))
            }
            if names.contains(regions.primary) {
                findings.append(finding("\(key) lists the primary region \(regions.primary), which would replicate onto itself; list only other regions",
                                        at: location, notes: [.init("the primary is \(regions.primary) here", at: regions.source["primary"])]))
            }
        }
        return findings
    }
}
