import Foundation
import Testing
@testable import BizraGenKit
@testable import BizraSpec

/// The JSON Schema (`bizra-gen schema`) and the YAML decoder know the same keys, checked in Swift
/// alone: every mapping of the committed specs is read with one unknown key added, and the
/// decoder's SPEC001 for it lists the keys the decoder knows there, which must be the keys the
/// schema lists at that place (an optional key of one but not the other is drift).
@Suite struct SchemaDecoderAgreementTests {
    static let repository = ResilienceFixture.repository
    static let probe = "zz-probe"

    /// The committed specs, each folder read as one document (its files define distinct sections).
    static let fixtures = ["specs", "Examples/harbor/specs", "tests/fixtures/variant", "tests/fixtures/ledger", "starters/minimal"]

    /// A mapping the probe went into: where it is in the schema, and the schema's keys there.
    struct Probed {
        var path: String
        var schemaKeys: Set<String>
    }

    static func document(_ folder: String) throws -> String {
        let url = repository.appendingPathComponent(folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".yaml") }.sorted()
        return try files.map { try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    }

    /// `node` with the probe key added to every mapping the schema describes as an object, and
    /// what each probe stands for, by the probe's line.
    static func probed(_ node: SpecNode, _ schema: SchemaNode, path: String, into probes: inout [Int: Probed]) -> SpecNode {
        switch (node, schema) {
        case let (.mapping(mapping), .object(_, properties)):
            var copy = mapping
            copy.pairs = mapping.pairs.map { pair in
                guard let key = pair.key.string, let child = properties.first(where: { $0.name == key })?.node else { return pair }
                return (pair.key, probed(pair.value, child, path: "\(path).\(key)", into: &probes))
            }
            let line = 1_000_000 + probes.count
            probes[line] = Probed(path: path, schemaKeys: Set(properties.map(\.name)))
            let location = SourceLocation(file: "probe", line: line, column: 1)
            copy.pairs.append((.scalar(.init(string: probe, isPlain: true, location: location)),
                               .scalar(.init(string: "1", isPlain: true, location: location))))
            return .mapping(copy)
        case let (.mapping(mapping), .variants(_, discriminator, cases)):
            guard let type = mapping[discriminator]?.string, let shape = cases.first(where: { $0.value == type })?.node,
                  case let .object(description, properties) = shape else { return node }
            let withType = SchemaNode.object(description: description, properties: properties + [.required(discriminator, .text(description: ""))])
            return probed(node, withType, path: "\(path)[\(type)]", into: &probes)
        case let (.sequence(list), .list(_, items, _)), let (.sequence(list), .oneOrList(_, items)):
            var copy = list
            copy.items = list.items.map { probed($0, items, path: "\(path)[]", into: &probes) }
            return .sequence(copy)
        case let (.mapping, .oneOrList(_, item)):
            return probed(node, item, path: path, into: &probes)
        default:
            return node
        }
    }

    @Test(arguments: fixtures)
    func theDecoderAndTheSchemaKnowTheSameKeys(_ folder: String) throws {
        let text = try Self.document(folder)
        let parsed = SpecFileReader(limits: .default).parse(Array(text.utf8), file: "\(folder).yaml")
        let node = try parsed.get()
        var probes: [Int: Probed] = [:]
        let root = SchemaNode.object(description: "the spec", properties: SpecSchema.sections.keys.sorted().map {
            .optional($0, SpecSchema.sections[$0]!)
        })
        let withProbes = Self.probed(node, root, path: "", into: &probes)
        let context = DecodeContext()
        _ = SpecDecoding.spec(withProbes, context)
        var answered: Set<Int> = []
        var drift: [String] = []
        for finding in context.findings where finding.rule == "SPEC001" && finding.message.contains("'\(Self.probe)'") {
            guard let line = finding.location?.line, let probe = probes[line],
                  let note = finding.notes.first?.message, note.hasPrefix("known keys: ") else { continue }
            answered.insert(line)
            let decoderKeys = Set(note.dropFirst("known keys: ".count).components(separatedBy: ", ")).subtracting([Self.probe])
            if decoderKeys != probe.schemaKeys {
                drift.append("\(probe.path.isEmpty ? "(top level)" : probe.path): only the decoder knows \(decoderKeys.subtracting(probe.schemaKeys).sorted()), "
                             + "only the schema \(probe.schemaKeys.subtracting(decoderKeys).sorted())")
            }
        }
        #expect(drift.isEmpty, Comment(rawValue: "\(folder):\n" + drift.joined(separator: "\n")))
        let unanswered = probes.keys.filter { !answered.contains($0) }.compactMap { probes[$0]?.path }.sorted()
        #expect(unanswered.isEmpty, "\(folder): the decoder never read these mappings: \(unanswered)")
        #expect(probes.count > 10, "\(folder): the probe reached \(probes.count) mappings")
    }

    @Test func aKeyOnlyTheSchemaHasIsCaught() throws {
        var probes: [Int: Probed] = [:]
        let schema = SchemaNode.object(description: "", properties: [.optional("a", .text(description: "")), .optional("b", .text(description: ""))])
        let location = SourceLocation(file: "t", line: 1, column: 1)
        let node = SpecNode.mapping(.init(pairs: [], location: location))
        _ = Self.probed(node, schema, path: "x", into: &probes)
        #expect(probes.values.first?.schemaKeys == ["a", "b"])
        #expect(probes.values.first?.path == "x")
    }
}
