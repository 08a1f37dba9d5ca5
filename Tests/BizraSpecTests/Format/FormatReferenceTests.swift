import BizraTestSupport
import Foundation
import Testing

@testable import BizraSpec

/// docs/spec-format.md is the format's description as it is now: regenerate it with
/// `bizra-gen schema --reference > docs/spec-format.md` when a key changes.
@Suite struct FormatReferenceTests {
    @Test func theCommittedReferenceIsCurrent() throws {
        let committed = try String(contentsOf: Repository.root.appendingPathComponent("docs/spec-format.md"), encoding: .utf8)
        #expect(committed == FormatReference.markdown, "docs/spec-format.md is stale: run bizra-gen schema --reference > docs/spec-format.md")
    }

    @Test func everyKeyOfTheFormatHasItsRow() {
        var paths: [String] = []
        func walk(_ path: String, _ node: SchemaNode) {
            switch node {
            case let .object(_, properties):
                for property in properties { paths.append("\(path).\(property.name)"); walk("\(path).\(property.name)", property.node) }
            case let .list(_, items, _), let .oneOrList(_, items): walk("\(path)[]", items)
            case let .variants(_, _, cases): for (_, shape) in cases { walk(path, shape) }
            default: break
            }
        }
        walk("", SpecSchema.root)
        let reference = FormatReference.markdown
        let missing = paths.map { String($0.dropFirst()) }.filter { !reference.contains("| `\($0)` |") }
        #expect(missing.isEmpty, "keys without a row: \(missing)")
        #expect(paths.count > 300)
        #expect(reference.contains("| `services[].probes.readiness.path` | text |"))
        #expect(reference.contains("`TimeSpan`, `.seconds(30)` or `\"30s\"`"))
    }
}
