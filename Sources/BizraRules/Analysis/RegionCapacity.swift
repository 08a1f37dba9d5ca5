import BizraSpec

/// How much traffic a region can carry and how much it must: each region runs every service, so
/// a service carries at most `max replicas × rpsPerReplica` in a region, and must carry
/// `weight × sla.throughput.peak ×` its part of the peak (``Spec/carriedPercent(of:)``).
public enum RegionCapacity {
    /// A service that states its measured per-replica throughput and carries declared traffic.
    public struct Carrier: Sendable {
        public var service: Service
        public var capacity: Capacity
        /// The part of the peak it carries, in percent.
        public var percent: Double
        /// `maxReplicas × rpsPerReplica`.
        public var requestsPerSecond: Double { Double(service.maxReplicas * capacity.rpsPerReplica) }
        /// `max × rps`, as written in messages.
        public var formula: String {
            "\(service.maxReplicas) replicas × \(capacity.rpsPerReplica)rps = \(NumberText.decimal(requestsPerSecond))rps"
        }
        /// Where the maximum is written: `autoscaling.max`, or `replicas` without autoscaling.
        public var maxLocation: SourceLocation? {
            service.autoscaling.map { $0.source["max"] } ?? service.source["replicas"]
        }
    }

    /// The traffic one region must carry.
    public struct Share: Sendable {
        /// Nil when the spec has no regions: one region carries everything.
        public var region: Regions.Region?
        /// Percent of the peak.
        public var percent: Double
        public var requestsPerSecond: Double
    }

    /// The services with a measured capacity that carry a part of the peak: those the public
    /// routes reach, and those behind them that declare `capacity.share`.
    public static func carriers(_ spec: Spec) -> [Carrier] {
        spec.services.compactMap { service in
            guard let capacity = service.capacity, let percent = spec.carriedPercent(of: service), percent > 0 else { return nil }
            return Carrier(service: service, capacity: capacity, percent: percent)
        }
    }

    /// What `carrier` must serve of a region's share.
    public static func demand(_ carrier: Carrier, _ share: Share) -> Double { share.requestsPerSecond * carrier.percent / 100 }

    /// Each serving region's share of the peak, by weight (or the whole peak without regions).
    public static func shares(_ spec: Spec) -> [Share] {
        let peak = spec.sla.throughput.peak.perSecond
        guard let regions = spec.regions else { return [Share(region: nil, percent: 100, requestsPerSecond: peak)] }
        return regions.list.filter { $0.weight > 0 }.map {
            Share(region: $0, percent: Double($0.weight), requestsPerSecond: Double($0.weight) / 100 * peak)
        }
    }

    /// The region with the largest weight (the first, on a tie).
    public static func busiest(_ regions: Regions) -> Regions.Region? {
        regions.list.reduce(nil) { best, region in
            best.map { region.weight > $0.weight ? region : $0 } ?? region
        }
    }

    /// Shares of the peak after `lost` fails: DNS spreads its traffic over the remaining regions in
    /// proportion to their weights, or evenly over the remaining (standby included) when they all weigh 0.
    public static func sharesAfterLosing(_ lost: Regions.Region, in spec: Spec) -> [Share] {
        guard let regions = spec.regions else { return [] }
        let peak = spec.sla.throughput.peak.perSecond
        let remaining = regions.list.filter { $0.name != lost.name }
        let total = remaining.reduce(0) { $0 + $1.weight }
        if total > 0 {
            return remaining.filter { $0.weight > 0 }.map {
                let percent = Double($0.weight) * 100 / Double(total)
                return Share(region: $0, percent: percent, requestsPerSecond: percent / 100 * peak)
            }
        }
        return remaining.map {
            Share(region: $0, percent: 100 / Double(remaining.count), requestsPerSecond: peak / Double(remaining.count))
        }
    }

    /// The fewest replicas of `carrier` that carry `requestsPerSecond`.
    public static func replicasNeeded(_ carrier: Carrier, for requestsPerSecond: Double) -> Int {
        guard carrier.capacity.rpsPerReplica > 0 else { return Int.max }
        return Int(saturating: requestsPerSecond / Double(carrier.capacity.rpsPerReplica), rounding: .up)
    }
}
