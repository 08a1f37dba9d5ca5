import Testing
@testable import BizraSpec

@Suite struct SpecDSLTests {
    @Test func referencePlatformInTheDSLEqualsTheYAMLSpec() throws {
        let yaml = try SpecLoader().load(path: Fixtures.specs)
        let dsl = try ReferencePlatformDSL.spec()
        #expect(dsl == yaml)
    }

    @Test func aDifferenceIsNoticed() throws {
        var dsl = try ReferencePlatformDSL.spec()
        dsl.services[0].autoscaling?.max = 51
        #expect(dsl != (try SpecLoader().load(path: Fixtures.specs)))
    }

    @Test func missingSectionsAreReported() {
        #expect(throws: SpecError.self) {
            try Spec { ReferencePlatformDSL.node0 }
        }
    }
}
