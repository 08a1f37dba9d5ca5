import Testing
@testable import BizraSpec

/// libyaml's indentation errors, told in the format's words with where the key likely belongs.
@Suite struct IndentationHintTests {
    func finding(_ text: String) throws -> Finding {
        do {
            _ = try SpecLoader().load(text: text, file: "spec.yaml")
        } catch {
            return try #require(error.findings.first)
        }
        Issue.record("the text loaded")
        throw CancellationError()
    }

    @Test func aKeyIndentedUnderAKeyWithAValue() throws {
        let found = try finding("version: 1\nplatform:\n  name: shop\n   environment: staging\n")
        #expect(found.rule == "SPEC007")
        #expect(found.location == SourceLocation(file: "spec.yaml", line: 4, column: 4))
        #expect(found.message == "'environment' is indented 3 spaces, more than 'name' above it (2), which already has a value, so YAML reads it as part of that value; indent it 2 spaces to make it a key beside 'name'")
        #expect(found.notes.last?.message == "the YAML parser's words: mapping values are not allowed in this context")
    }

    @Test func aKeyIndentedToNoLevelAbove() throws {
        let found = try finding("version: 1\nplatform:\n  name: shop\n  quota:\n    pods: 3\n   requests: 1\nsla: {}\n")
        #expect(found.location?.line == 6)
        #expect(found.message == "'requests' is indented 3 spaces, which matches no level above it: indent it 4 to keep it under 'quota' beside 'pods', or 2 to put it beside 'quota'")
        #expect(found.notes.first?.location?.line == 5)
    }

    @Test func aTab() throws {
        let found = try finding("version: 1\nplatform:\n\tname: shop\n")
        #expect(found.location?.line == 3)
        #expect(found.message.hasPrefix("a tab indents line 3; YAML indents with spaces only"))
    }

    @Test func listsBlockScalarsAndOpenFlowCollectionsAreNotMistakenForIndentation() {
        let text = "services:\n  - name: web\n    command: |\n        run --fast\n      again\n    resources: { requests: {cpu: 1,\n        memory: 1Gi} }\n  - name: api\n     port: 1\n"
        let hint = IndentationHint.find(in: Array(text.utf8), upTo: 9)
        #expect(hint?.line == 9, "only the over-indented 'port', not the block scalar or the flow continuation")
        #expect(hint?.message.hasPrefix("'port' is indented 5 spaces, more than 'name' above it (4)") == true)
    }
}
