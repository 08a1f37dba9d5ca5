import BizraSpec
import Testing

/// `sla.ihsanScore` is optional, and its gauge is the spec's (`metric`, default the reference's).
@Suite struct IhsanScoreDecodingTests {
    @Test func aSpecWithoutAnIhsanScoreLoads() throws {
        let text = Fixtures.minimal.replacingOccurrences(of: "  ihsanScore: { min: 95 }\n", with: "")
        #expect(text != Fixtures.minimal)
        #expect(try SpecLoader().load(text: text).sla.ihsanScore == nil)
    }

    @Test func theGaugeDefaultsToTheReferenceOne() throws {
        let score = try #require(try SpecLoader().load(text: Fixtures.minimal).sla.ihsanScore)
        #expect(score.metric == "ahsan_compliance_score" && score.metric == SLA.IhsanScore.defaultMetric)
        #expect(score.duringChaos == 95 && score.maxRegionalVariance == 10)
    }

    @Test func theGaugeIsTheSpecsWhenNamed() throws {
        let text = Fixtures.minimal.replacingOccurrences(of: "ihsanScore: { min: 95 }", with: "ihsanScore: { min: 90, metric: compliance_score }")
        #expect(try SpecLoader().load(text: text).sla.ihsanScore?.metric == "compliance_score")
    }

    @Test func aNamedGaugeMustBeText() {
        let text = Fixtures.minimal.replacingOccurrences(of: "ihsanScore: { min: 95 }", with: "ihsanScore: { min: 90, metric: [a] }")
        #expect(throws: SpecError.self) { try SpecLoader().load(text: text) }
    }
}
