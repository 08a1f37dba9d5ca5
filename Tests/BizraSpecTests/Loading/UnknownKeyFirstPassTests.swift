import Foundation
import Testing
@testable import BizraSpec

/// Every unknown key is reported in the first pass, beside the other mistakes of its mapping, and
/// no key the format defines is ever called unknown, however broken the rest.
@Suite struct UnknownKeyFirstPassTests {
    func findings(_ text: String) -> [Finding] { Fixtures.findings(loading: text) }

    @Test func aMissingKeyAndAMisspeltOneAreReportedTogether() {
        let text = Fixtures.minimal.replacingOccurrences(of: "    image: ghcr.io/shop/web:1.0.0\n", with: "    replica: 3\n")
        let found = findings(text).sortedByLocation()
        #expect(found.map(\.rule) == ["SPEC003", "SPEC001"])
        #expect(found.first?.message == "service 'web' is missing required key 'image'")
        #expect(found.last?.message == "unknown key 'replica' in service 'web'; did you mean 'replicas'?")
        #expect(found.last?.location == SourceLocation(file: "spec.yaml", line: 10, column: 5))
    }

    @Test func aFieldThatFailsToDecodeHidesNoUnknownKey() {
        let text = Fixtures.minimal
            .replacingOccurrences(of: "ihsanScore: { min: 95 }", with: "ihsanScore: { min: high, metrik: x }")
            .replacingOccurrences(of: "limits: { cpu: \"1\", memory: 256Mi }", with: "limits: { cpu: \"1\", memory: 256 }")
            + "    dependson: [db]\n"
        let found = findings(text)
        #expect(Set(found.map(\.rule)) == ["SPEC001", "SPEC002"])
        let unknown = found.filter { $0.rule == "SPEC001" }.map(\.message).sorted()
        #expect(unknown == ["unknown key 'dependson' in service 'web'; did you mean 'dependsOn'?",
                            "unknown key 'metrik' in sla.ihsanScore; did you mean 'metric'?"])
    }

    @Test func withoutItsTypeAnItemAllowsTheKeysOfEveryVariantButNoMisspelling() {
        let text = Fixtures.minimal + """
                autoscaling:
                  engine: keda
                  min: 1
                  max: 3
                  triggers:
                    - { name: load, query: up, threshold: 1, lenght: 5 }

            """
        let found = findings(text)
        #expect(found.map(\.rule).sorted() == ["SPEC001", "SPEC003"])
        #expect(found.contains { $0.message == "unknown key 'lenght' in trigger 'load'; did you mean 'length'?" })
        #expect(found.contains { $0.message == "trigger 'load' is missing required key 'type'" })
    }

    @Test func servicesThatDoNotDecodeDrawNoErrorAboutWhatTheyMayHold() throws {
        var files = EmbeddedReferenceSpec.all
        let name = try #require(files.keys.first { files[$0]!.contains("\n    image:") })
        files[name] = files[name]!.replacingOccurrences(of: "\n    image:", with: "\n    imag:")
        do {
            _ = try SpecLoader().load(files: files)
            Issue.record("a service without its image loaded")
        } catch {
            // Not the replication's "no secret store": the service that failed has one.
            #expect(error.findings.map(\.rule) == ["SPEC001"], "\(error.findings)")
        }
    }

    /// The reference spec as read, one node for all its files.
    static func referenceRoot() throws -> SpecNode {
        let reader = SpecFileReader(limits: .default)
        var pairs: [(key: SpecNode, value: SpecNode)] = []
        for name in EmbeddedReferenceSpec.all.keys.sorted() {
            guard case .mapping(let mapping) = try reader.parse(Array(EmbeddedReferenceSpec.all[name]!.utf8), file: name).get()
            else { continue }
            pairs += mapping.pairs
        }
        return .mapping(SpecNode.Mapping(pairs: pairs, location: SourceLocation(file: "spec", line: 1, column: 1)))
    }

    /// Every way of breaking `node` at one place: each key of each mapping removed, and each value
    /// replaced by one of the wrong kind.
    static func broken(_ node: SpecNode, at path: String = "") -> [(path: String, node: SpecNode)] {
        switch node {
        case .scalar:
            return []
        case .mapping(let mapping):
            var variants: [(path: String, node: SpecNode)] = []
            for (index, pair) in mapping.pairs.enumerated() {
                let here = "\(path).\(pair.key.string ?? "?")"
                var without = mapping
                without.pairs.remove(at: index)
                variants.append(("\(here) removed", .mapping(without)))
                var wrong = mapping
                wrong.pairs[index].value = Self.wrongKind(of: pair.value)
                variants.append(("\(here) of the wrong kind", .mapping(wrong)))
                for inner in broken(pair.value, at: here) {
                    var changed = mapping
                    changed.pairs[index].value = inner.node
                    variants.append((inner.path, .mapping(changed)))
                }
            }
            return variants
        case .sequence(let list):
            return list.items.indices.flatMap { index in
                broken(list.items[index], at: "\(path)[\(index)]").map { inner in
                    var changed = list
                    changed.items[index] = inner.node
                    return (inner.path, SpecNode.sequence(changed))
                }
            }
        }
    }

    static func wrongKind(of node: SpecNode) -> SpecNode {
        if case .scalar = node {
            return .mapping(SpecNode.Mapping(pairs: [], location: node.location))
        }
        return .scalar(SpecNode.Scalar(string: "wrong", isPlain: true, location: node.location))
    }

    @Test func noBrokenReferenceSpecCallsADefinedKeyUnknown() throws {
        let variants = Self.broken(try Self.referenceRoot())
        #expect(variants.count > 500)
        for variant in variants {
            let context = DecodeContext()
            _ = SpecDecoding.spec(variant.node, context)
            let unknown = context.findings.filter { $0.rule == "SPEC001" }
            #expect(unknown.isEmpty, "\(variant.path): \(unknown.map(\.message))")
        }
    }
}
