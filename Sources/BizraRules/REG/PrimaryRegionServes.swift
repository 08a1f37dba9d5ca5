import BizraSpec

/// REG002.
public struct PrimaryRegionServes: Rule {
    public static let identifier = "REG002"
    public static let severity = Severity.error
    public static let summary = "the primary region is missing, standby, or has weight 0"
    public static let explanation = """
        The primary region holds the writable database and the Redis masters that the others replicate from. \
        It must be one of the listed regions (an unknown name is also reported by REF001), serve traffic, and not \
        be a standby: a standby or weightless primary would take writes while DNS sends readers elsewhere.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("regions: { primary: ap-northeast-1 }\n"),
        .overlay("regions: { primary: us-west-2 }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("regions: { primary: us-east-1 }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let regions = spec.regions else { return [] }
        let location = regions.source["primary"]
        guard let primary = regions.region(named: regions.primary) else {
            let (message, notes) = Declarations.regions(regions).unresolved(regions.primary, as: "primary region")
            return [finding(message, at: location, notes: notes)]
        }
        if primary.standby {
            return [finding("primary region \(primary.name) is a standby; the primary must serve traffic",
                            at: location, notes: [.init("\(primary.name) is declared standby here", at: primary.source["standby"])])]
        }
        if primary.weight == 0 {
            return [finding("primary region \(primary.name) has weight 0; the primary must serve traffic",
                            at: location, notes: [.init("its weight is 0 here", at: primary.source["weight"])])]
        }
        return []
    }
}
