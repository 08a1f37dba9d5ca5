import BizraSpec

/// SLA007.
public struct RegionCapacityShortfall: Rule {
    public static let identifier = "SLA007"
    public static let severity = Severity.error
    public static let summary = "a region cannot carry its share: weight x peak > max replicas x rpsPerReplica"
    public static let explanation = """
        Each region runs every service and receives its weight's share of the peak throughput. A service that \
        states its measured `capacity.rpsPerReplica` carries at most `max replicas × rpsPerReplica` in one region; \
        if a region's share is more, it saturates at peak however well the autoscaler works. Without `regions`, \
        one region carries the whole peak. The diagnostic names the replicas that would be needed.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { max: 10 } }\n"),
        .overlay("services:\n  - { name: bizra-node0, capacity: { rpsPerReplica: 100 } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { max: 18 } }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        let peak = spec.sla.throughput.peak
        var findings: [Finding] = []
        for carrier in spec.services.compactMap({ s in s.capacity.map { RegionCapacity.Carrier(service: s, capacity: $0) } }) {
            for share in RegionCapacity.shares(spec) where carrier.requestsPerSecond < share.requestsPerSecond {
                let needed = RegionCapacity.replicasNeeded(carrier, for: share.requestsPerSecond)
                let region = share.region.map { "region \($0.name) carries \($0.weight)% × \(peak) = \(NumberText.decimal(share.requestsPerSecond))rps" }
                    ?? "the platform carries the whole peak \(peak)"
                var notes: [Finding.Note] = [
                    .init("\(carrier.service.name) serves \(carrier.capacity.rpsPerReplica)rps per replica", at: carrier.capacity.source["rpsPerReplica"]),
                    .init("the peak is \(peak) here", at: spec.sla.throughput.source["peak"]),
                ]
                if let region = share.region { notes.insert(.init("region \(region.name) weighs \(region.weight)%", at: region.source["weight"]), at: 0) }
                findings.append(finding(
                    "\(region), but \(carrier.service.name) tops out at \(carrier.formula); it needs at least \(needed) replicas",
                    at: carrier.maxLocation, notes: notes))
            }
        }
        return findings
    }
}
