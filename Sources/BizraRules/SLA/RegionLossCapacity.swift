import BizraSpec

/// SLA008.
public struct RegionLossCapacity: Rule {
    public static let identifier = "SLA008"
    public static let severity = Severity.warning
    public static let summary = "losing the busiest region leaves too little capacity for the peak in the others"
    public static let explanation = """
        When the busiest region fails, DNS spreads its traffic over the others in proportion to their weights (or \
        evenly, standby regions included, when the others weigh nothing). If a remaining region's new share of \
        the peak exceeds `max replicas × rpsPerReplica`, the failover that should save the platform overloads \
        the survivors one by one.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("""
            services:
              - { name: bizra-node0, autoscaling: { max: 19 } }
            regions:
              list:
                - { name: us-east-1, weight: 50 }
                - { name: eu-west-1, weight: 40 }
            """),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { max: 25 } }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let regions = spec.regions, regions.list.count > 1, let busiest = RegionCapacity.busiest(regions) else { return [] }
        let peak = spec.sla.throughput.peak
        var findings: [Finding] = []
        for carrier in RegionCapacity.carriers(spec) {
            for share in RegionCapacity.sharesAfterLosing(busiest, in: spec) where carrier.requestsPerSecond < RegionCapacity.demand(carrier, share) {
                guard let region = share.region else { continue }
                let demand = RegionCapacity.demand(carrier, share)
                let needed = RegionCapacity.replicasNeeded(carrier, for: demand)
                let part = carrier.percent < 100 ? " × \(NumberText.decimal(carrier.percent))% to \(carrier.service.name)" : ""
                findings.append(finding(
                    "without \(busiest.name), region \(region.name) would carry \(NumberText.decimal(share.percent.rounded()))% × \(peak)\(part) = \(NumberText.decimal(demand.rounded()))rps, but \(carrier.service.name) tops out at \(carrier.formula); it needs at least \(needed) replicas",
                    at: carrier.maxLocation,
                    notes: [.init("the busiest region \(busiest.name) weighs \(busiest.weight)%", at: busiest.source["weight"]),
                            .init("\(region.name) weighs \(region.weight)%", at: region.source["weight"]),
                            .init("the peak is \(peak) here", at: spec.sla.throughput.source["peak"])]))
            }
        }
        return findings
    }
}
