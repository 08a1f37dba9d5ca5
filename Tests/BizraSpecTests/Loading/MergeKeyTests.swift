import Foundation
import Testing
@testable import BizraSpec

/// YAML merge keys (`<<: *common`): the keys they bring, which win, where merged values are
/// located, and what is refused.
@Suite struct MergeKeyTests {
    func findings(_ text: String) -> [Finding] { Fixtures.findings(loading: text) }

    func read(_ text: String) throws -> SpecNode? {
        try SpecYAMLReader(file: "x.yaml", limits: .default).read(Array(text.utf8)).get()
    }

    static let head = Fixtures.minimal.components(separatedBy: "services:\n")[0]

    static let merged = head + """
        services:
          - name: web
            image: ghcr.io/shop/web:1.0.0
            <<: &common
              ports: [{ name: http, port: 8080 }]
              resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { cpu: "1", memory: 256Mi } }
              probes:
                readiness: { path: /ready, port: http }
                liveness: { path: /health, port: http }
          - <<: *common
            name: api
            image: ghcr.io/shop/api:1.0.0
            replicas: 2

        """

    static let expanded = head + """
        services:
          - name: web
            image: ghcr.io/shop/web:1.0.0
            ports: [{ name: http, port: 8080 }]
            resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { cpu: "1", memory: 256Mi } }
            probes:
              readiness: { path: /ready, port: http }
              liveness: { path: /health, port: http }
          - name: api
            image: ghcr.io/shop/api:1.0.0
            replicas: 2
            ports: [{ name: http, port: 8080 }]
            resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { cpu: "1", memory: 256Mi } }
            probes:
              readiness: { path: /ready, port: http }
              liveness: { path: /health, port: http }

        """

    @Test func servicesSharingKeysThroughAMergeLoadAsTheExpandedSpec() throws {
        let merged = try SpecLoader().load(text: Self.merged, file: "spec.yaml")
        #expect(merged == (try SpecLoader().load(text: Self.expanded, file: "spec.yaml")))
        let api = try #require(merged.services.last)
        // The merged values are located where they are written: the anchor's lines.
        #expect(api.source["resources"] == SourceLocation(file: "spec.yaml", line: 13, column: 18))
        #expect(api.probes.readiness.source.node?.line == 15)
        #expect(api.source["image"]?.line == 19)
    }

    @Test func ownKeysWinThenEarlierMappingsOfTheList() throws {
        let node = try read("""
            a: &a { x: a, y: a }
            b: &b { x: b, y: b, z: b }
            c:
              y: c
              <<: [*a, *b]
              w: c

            """)
        guard case .mapping(let root) = node, case .mapping(let c) = root["c"] else {
            Issue.record("not read as mappings")
            return
        }
        #expect(c.pairs.map { "\($0.key.string!)=\($0.value.string!)" } == ["y=c", "x=a", "z=b", "w=c"])
        #expect(c["z"]?.location == SourceLocation(file: "x.yaml", line: 2, column: 24))
    }

    @Test func aQuotedMergeKeyIsAnOrdinaryKey() throws {
        guard case .mapping(let root) = try read("a: &a { x: 1 }\nb: { '<<': *a }\n"), case .mapping(let b) = root["b"] else {
            Issue.record("not read as mappings")
            return
        }
        #expect(b.pairs.map(\.key.string) == ["<<"])
    }

    @Test func aMergeOfSomethingElseThanMappingsIsALocatedSPEC002() {
        let scalar = findings(Self.merged.replacingOccurrences(of: "  - <<: *common", with: "  - <<: common"))
        #expect(scalar.map(\.rule) == ["SPEC002"])
        #expect(scalar.first?.location == SourceLocation(file: "spec.yaml", line: 17, column: 9))
        #expect(scalar.first?.message == "the merge key '<<' takes a mapping or a list of mappings, found 'common'")
        #expect(scalar.first?.notes.first?.message.contains("<<: *common") == true)

        let item = findings(Self.merged.replacingOccurrences(of: "  - <<: *common", with: "  - <<: [*common, [1]]"))
        #expect(item.map(\.rule) == ["SPEC002"])
        #expect(item.first?.location == SourceLocation(file: "spec.yaml", line: 17, column: 19))
        #expect(item.first?.message == "the merge key '<<' takes a list of mappings; this item is a list")
    }

    @Test func twoMergeKeysInOneMappingAreSPEC004() {
        let found = findings(Self.merged.replacingOccurrences(of: "    replicas: 2\n", with: "    <<: *common\n"))
        #expect(found.map(\.rule) == ["SPEC004"])
        #expect(found.first?.location?.line == 20)
        #expect(found.first?.notes.first?.location?.line == 17)
    }

    @Test func aMergeBombIsRefusedQuickly() {
        var bomb = "version: 1\nm0: &m0 { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8 }\n"
        for level in 1...9 {
            bomb += "m\(level): &m\(level) { <<: *m\(level - 1), " + (0..<8).map { "k\($0): *m\(level - 1)" }.joined(separator: ", ") + " }\n"
        }
        let clock = ContinuousClock()
        var found: [Finding] = []
        let elapsed = clock.measure { found = findings(bomb) }
        #expect(found.map(\.rule) == ["SPEC008"])
        #expect(elapsed < .seconds(1))

        var merges = "version: 1\nm0: &m0 { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8 }\n"
        for level in 1...9 {
            merges += "m\(level): &m\(level) { <<: [" + Array(repeating: "*m\(level - 1)", count: 8).joined(separator: ", ") + "] }\n"
        }
        #expect(findings(merges).map(\.rule) == ["SPEC008"])
    }
}
