import BizraSpec

/// SLA007.
public struct RegionCapacityShortfall: Rule {
    public static let identifier = "SLA007"
    public static let severity = Severity.error
    public static let summary = "a region cannot carry its share: weight x the traffic routed to a service > max replicas x rpsPerReplica (the service the public route reaches carries the peak; a service behind it carries what the spec declares for it, and nothing when nothing is declared)"
    public static let explanation = """
        Each region runs every service and receives its weight's share of the peak throughput. The public routes \
        decide which services that traffic reaches: a routed service carries its routes' `share` (all of the \
        peak by default), a service behind another carries its declared `capacity.share`, and one with neither \
        carries no declared traffic and has no obligation. A service that states its measured \
        `capacity.rpsPerReplica` carries at most `max replicas × rpsPerReplica` in one region; if its part of a \
        region's share is more, it saturates at peak however well the autoscaler works. Without `regions`, one \
        region carries the whole peak. The diagnostic names the replicas that would be needed.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { max: 10 } }\n"),
        .overlay("services:\n  - { name: bizra-node0, capacity: { rpsPerReplica: 100 } }\n"),
        .overlay("""
            services:
              - { name: ledger, image: "ghcr.io/bizra/ledger:1.0.0", ports: [{ name: http, port: 8080 }], replicas: 2,
                  resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { cpu: 500m, memory: 256Mi } },
                  probes: { readiness: { path: /ready, port: http }, liveness: { tcpSocket: http } },
                  capacity: { rpsPerReplica: 500, share: 30% } }
            """),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { max: 18 } }\n"),
        .overlay("""
            services:
              - { name: ledger, image: "ghcr.io/bizra/ledger:1.0.0", ports: [{ name: http, port: 8080 }], replicas: 2,
                  resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { cpu: 500m, memory: 256Mi } },
                  probes: { readiness: { path: /ready, port: http }, liveness: { tcpSocket: http } },
                  capacity: { rpsPerReplica: 500 } }
            """),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        let peak = spec.sla.throughput.peak
        var findings: [Finding] = []
        for carrier in RegionCapacity.carriers(spec) {
            for share in RegionCapacity.shares(spec) where carrier.requestsPerSecond < RegionCapacity.demand(carrier, share) {
                let demand = RegionCapacity.demand(carrier, share)
                let needed = RegionCapacity.replicasNeeded(carrier, for: demand)
                let part = carrier.percent < 100 ? " × \(NumberText.decimal(carrier.percent))% to \(carrier.service.name)" : ""
                let region = share.region.map { "region \($0.name) carries \($0.weight)% × \(peak)\(part) = \(NumberText.decimal(demand))rps" }
                    ?? (part.isEmpty ? "the platform carries the whole peak \(peak)" : "the platform carries \(peak)\(part) = \(NumberText.decimal(demand))rps")
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
