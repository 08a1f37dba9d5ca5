import BizraRules
import BizraSpec
import Testing

@Suite struct CapacityAnalysisTests {
    let reference: Spec

    init() throws { reference = try SpecLoader().loadReference() }

    @Test func eachRegionsShareFollowsItsWeight() throws {
        let shares = RegionCapacity.shares(reference)
        #expect(shares.map { $0.region?.name } == ["us-east-1", "eu-west-1", "ap-southeast-1"])
        #expect(shares.map(\.requestsPerSecond) == [7000, 2000, 1000])
        let carrier = try #require(RegionCapacity.bottleneck(reference))
        #expect(carrier.requestsPerSecond == 20000)
        #expect(RegionCapacity.replicasNeeded(carrier, for: 7000) == 18)
    }

    @Test func losingTheBusiestRegionSpreadsItsTrafficByWeight() throws {
        let regions = try #require(reference.regions)
        let busiest = try #require(RegionCapacity.busiest(regions))
        #expect(busiest.name == "us-east-1")
        let after = RegionCapacity.sharesAfterLosing(busiest, in: reference)
        #expect(after.map { $0.region?.name } == ["eu-west-1", "ap-southeast-1"])
        #expect(after.map { $0.requestsPerSecond.rounded() } == [6667, 3333])
    }

    @Test func namespaceFootprintCountsEveryWorkloadAtItsMaximum() {
        let footprint = NamespaceFootprint(reference)
        #expect(footprint.workloads.map(\.pods) == [50, 3, 6, 3])
        #expect(footprint.pods == 62)
        // 50 × 500m + 3 × 1 + 6 × (250m + 50m) + 3 × (250m + 50m)
        #expect(footprint.requests.cpu == CPU(millicores: 30_700))
        #expect(footprint.limits.cpu < reference.platform.quota!.limits.cpu)
    }

    @Test func failoverLittlesLawAndCronIntervalsAreComputedFromTheSpec() throws {
        let dns = try #require(reference.regions?.dns)
        #expect(DNSFailover.time(dns) == .seconds(150))
        #expect(DNSFailover.formula(dns) == "30s × 3 + 1m = 2m30s")
        #expect(ArrivalRateConcurrency.required(rate: Rate(perSecond: 1000), latency: .milliseconds(200)) == 200)
        #expect(ArrivalRateConcurrency.derived(rate: Rate(perSecond: 10000), latency: .milliseconds(200)) == 2400)
        #expect((try Cron(parsing: "0 2,3 * * *")).shortestGap == .hours(1))
        #expect((try Cron(parsing: "0 2,3 * * *")).longestGap == .hours(23))
        #expect(reference.chaos!.schedule.shortestGap == .hours(24 * 7))
    }

    @Test func cacheRuleCoverageKnowsAnchoredPrefixes() {
        #expect(CacheRuleCoverage.covers("^/api/", "^/api/v1/static"))
        #expect(!CacheRuleCoverage.covers("^/api/v1/static", "^/api/"))
        #expect(!CacheRuleCoverage.covers("^/api/$", "^/api/v1"))
        #expect(!CacheRuleCoverage.covers("^/api/", "^/api/?x"))
        #expect(CacheRuleCoverage.covers("/static/", "^/assets/static/img"))
        #expect(CacheRuleCoverage.covers("^/api\\/", "^/api/v2.*"))
    }
}
