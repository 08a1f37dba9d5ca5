import BizraTestSupport
import Foundation
import Testing

@testable import BizraSpec

/// The format's one description (``SpecSchema``) is what the YAML decoder reads, proven in Swift
/// alone: the decoder's unknown keys and missing keys come from it, and with a ``FormatAudit`` on,
/// every mapping a load reads compares the keys its decoder asks for, and those it requires, with
/// the format's (the JSON Schema prints the same description, so it agrees too).
@Suite struct SchemaDecoderAgreementTests {
    static let repository = Repository.root

    /// The committed specs, each with its environments.
    static let fixtures = ["specs", "Examples/harbor/specs", "tests/fixtures/variant", "tests/fixtures/ledger", "starters/minimal"]

    @Test(arguments: fixtures)
    func everyMappingTheDecoderReadsIsTheFormats(_ folder: String) throws {
        let path = Self.repository.appendingPathComponent(folder).path
        for environment in [nil] + SpecLoader.environments(at: path) {
            let audit = FormatAudit()
            var loader = SpecLoader()
            loader.audit = audit
            _ = try loader.load(path: path, environment: environment)
            #expect(audit.drift.isEmpty, "\(folder) \(environment ?? "base"):\n\(audit.drift.joined(separator: "\n"))")
            #expect(audit.mappings > 10, "\(folder): only \(audit.mappings) mappings were compared")
        }
    }

    @Test func aKeyOnlyTheDecoderReadsIsCaught() throws {
        let audit = FormatAudit()
        let format = SchemaNode.object(description: "", properties: [.required("a", .text(description: "")), .optional("b", .text(description: ""))])
        let node = try SpecFileReader(limits: .default).parse(Array("{ a: x }".utf8), file: "t.yaml").get()
        var reader = try #require(MapReader(node, DecodeContext(audit: audit), what: "t", format: format))
        _ = reader.optional("a", Decode.string)
        _ = reader.optional("c", Decode.string)
        reader.finish()
        #expect(audit.drift == ["t: only the decoder reads [\"c\"], only the format has [\"b\"]",
                                "t: the format requires [\"a\"], which the decoder reads as optional"])
    }

    @Test func theFormatDecidesWhichKeysAreUnknownAndWhichAreMissing() throws {
        let format = SchemaNode.object(description: "", properties: [.required("name", .text(description: "")), .optional("port", .integer(description: ""))])
        let node = try SpecFileReader(limits: .default).parse(Array("{ prot: 80 }".utf8), file: "t.yaml").get()
        let context = DecodeContext()
        var reader = try #require(MapReader(node, context, what: "the endpoint", format: format))
        reader.finish()
        #expect(context.findings.map(\.message) == ["unknown key 'prot' in the endpoint; did you mean 'port'?",
                                                    "the endpoint is missing required key 'name'"],
                "without the decoder asking for a key, the format knows both")
    }
}
