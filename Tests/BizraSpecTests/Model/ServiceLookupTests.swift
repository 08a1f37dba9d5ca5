import Testing
import BizraSpec

@Suite("Spec.service(named:)")
struct ServiceLookupTests {
    @Test("finds services by name, and follows every change to the list")
    func followsChanges() throws {
        var spec = try SpecLoader().loadReference()
        let original = try #require(spec.services.first)
        #expect(spec.service(named: original.name) == original)
        #expect(spec.service(named: "no-such-service") == nil)

        var renamed = original
        renamed.name = "renamed"
        spec.services[0] = renamed
        #expect(spec.service(named: "renamed") == renamed)
        #expect(spec.service(named: original.name) == nil)

        spec.services.append(original)
        #expect(spec.service(named: original.name) == original)
        spec.services.removeAll()
        #expect(spec.service(named: "renamed") == nil)
    }

    @Test("with two services of one name, the first is found (the loader reports the second)")
    func firstOfDuplicates() throws {
        var spec = try SpecLoader().loadReference()
        var first = try #require(spec.services.first)
        first.replicas = 7
        var second = first
        second.replicas = 9
        spec.services = [first, second]
        #expect(spec.service(named: first.name)?.replicas == 7)
    }
}
