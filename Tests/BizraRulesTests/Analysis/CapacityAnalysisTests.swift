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
        let carrier = try #require(RegionCapacity.carriers(reference).first)
        #expect(carrier.service.name == "bizra-node0" && carrier.percent == 100)
        #expect(carrier.requestsPerSecond == 20000)
        #expect(RegionCapacity.replicasNeeded(carrier, for: 7000) == 18)
    }

    /// The public routes decide what the peak reaches: Varnish's backend through Varnish, a
    /// routed service its routes' shares, one behind it only the share it declares.
    @Test func theRoutesDecideWhichServicesCarryThePeak() throws {
        var spec = reference
        var worker = try #require(spec.services.first)
        worker.name = "ledger"
        worker.capacity = Capacity(rpsPerReplica: 100)
        spec.services.append(worker)
        #expect(spec.publicRoutes.map(\.service) == ["varnish"])
        #expect(spec.carriedPercent(of: spec.services[0]) == 100)
        #expect(spec.carriedPercent(of: worker) == nil, "a service behind another declares nothing: no obligation")
        #expect(RegionCapacity.carriers(spec).map(\.service.name) == ["bizra-node0"])

        spec.services[1].capacity?.share = Percent(30)
        #expect(RegionCapacity.carriers(spec).map(\.percent) == [100, 30])

        spec.services[1].capacity?.share = nil
        spec.routes = [Route(path: "/", service: "varnish", share: Percent(60)), Route(path: "/ledger", service: "ledger", share: Percent(40)),
                       Route(host: "admin.bizra.ai", service: "ledger", share: Percent(70))]
        #expect(spec.carriedPercent(of: spec.services[0]) == 60)
        #expect(spec.carriedPercent(of: spec.services[1]) == 100, "two routes' shares, at most the whole peak")
        let ledger = try #require(RegionCapacity.carriers(spec).last)
        let share = try #require(RegionCapacity.shares(spec).first)
        #expect(RegionCapacity.demand(ledger, share) == 7000)
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
