import BizraSpec
import Testing
@testable import BizraGenKit

/// The prefix of the platform's own label keys comes from the platform's domain, never the
/// reference platform's.
@Suite struct LabelDomainTests {
    @Test(arguments: [
        ("api.bizra.ai", "bizra.ai"),
        ("shop.example.com", "example.com"),
        ("example.com", "example.com"),
        ("api.ledger.example", "ledger.example"),
        ("API.Shop.Example.COM.", "shop.example.com"),
        ("localhost", "localhost"),
    ])
    func withoutAZoneTheHostLosesItsLeftmostLabel(host: String, expected: String) {
        #expect(PlanContext.labelDomain(host: host, zone: nil) == expected)
    }

    @Test func theDNSZoneIsTheDomainWhenThereIsOne() {
        #expect(PlanContext.labelDomain(host: "staging.api.bizra.ai", zone: "bizra.ai") == "bizra.ai")
        #expect(PlanContext.labelDomain(host: "api.example.co.uk", zone: "example.co.uk.") == "example.co.uk")
        #expect(PlanContext.labelDomain(host: "api.shop.example", zone: "") == "shop.example")
    }

    @Test func everyObjectCarriesTheEnvironmentUnderThePlatformsDomain() {
        var spec = ReferenceSpecFixture.spec
        #expect(PlanContext(spec: spec).labels(component: "web")["bizra.ai/environment"] == "production")
        spec.platform.domain = "shop.example.com"
        spec.regions = nil
        let labels = PlanContext(spec: spec).labels(component: "web")
        #expect(labels["example.com/environment"] == "production")
        #expect(!labels.keys.contains { $0.hasPrefix("bizra.ai/") })
    }
}
