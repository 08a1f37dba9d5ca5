import Testing
import BizraSpec

/// A value written in the DSL knows the Swift line that holds it; values nobody wrote do not.
@Suite struct LocatedDSLTests {
    @Test func aValueIsLocatedAtItsInitialiser() {
        let line = #line + 1
        let port = Port(name: "http", port: 8080)
        #expect(port.source.node == SourceLocation(file: #fileID, line: line, column: 24), "at the argument list")
        #expect(port.source["port"] == port.source.node, "every field falls back to the value")
    }

    @Test func nestedValuesAreLocatedEachAtItsOwnLine() {
        let line = #line + 1
        let resources = Resources(
            requests: ResourceAmounts(cpu: .millicores(100), memory: .mebibytes(128)),
            limits: .init(cpu: .millicores(500), memory: .mebibytes(256)))
        #expect(resources.source.node?.line == line)
        #expect(resources.requests.source.node?.line == line + 1)
        #expect(resources.limits.source.node?.line == line + 2)
    }

    @Test func builderFormsAreLocatedToo() {
        let line = #line + 1
        let autoscaling = Autoscaling(engine: .hpa, min: 2, max: 4) {
            Trigger(name: "cpu", .cpu(target: .percent(70)))
        }
        #expect(autoscaling.source.node?.line == line)
        #expect(autoscaling.triggers[0].source.node?.line == line + 1)
    }

    @Test func defaultsNobodyWroteAreUnlocated() {
        let platform = Platform(name: "shop", environment: "staging", namespace: "shop", domain: "shop.example.com")
        #expect(platform.source.node?.file == #fileID)
        #expect(platform.gitops.source.node == nil)
        #expect(platform.cluster.ingress.source.node == nil)
    }

    @Test func aSectionGivenTwiceIsLocatedWithTheFirstNoted() throws {
        let line = #line + 2
        do {
            _ = try Spec {
                Caching()
                Caching()
            }
            Issue.record("a spec without platform and SLA was built")
        } catch {
            #expect(error.findings.map(\.rule) == ["SPEC003", "SPEC003", "SPEC004"], "sorted by line")
            #expect(error.findings.first?.location == SourceLocation(file: #fileID, line: line, column: 26),
                    "a missing section is reported at Spec { }")
            #expect(error.findings.last?.location?.line == line + 2)
            #expect(error.findings.last?.notes.first?.location?.line == line + 1)
        }
    }

    @Test func locationsNeverTakePartInEquality() {
        #expect(Port(name: "http", port: 8080) == Port(name: "http", port: 8080))
    }
}
