import Testing
@testable import BizraGenKit

@Suite("YAML multi-line strings")
struct YAMLLiteralTests {
    /// Multi-line strings with their expected form as the value of key `k`.
    static let cases: [(String, String)] = [
        ("line1\nline2\n", "k: |\n  line1\n  line2\n"),
        ("a\nb", "k: |-\n  a\n  b\n"),
        ("a\n\n", "k: |+\n  a\n\n"),
        ("a\n\nb\n", "k: |\n  a\n\n  b\n"),
        ("\nlead\n", "k: |\n\n  lead\n"),
        (" indented\nx\n", "k: |2\n   indented\n  x\n"),
        ("\n  deeper\n", "k: |2\n\n    deeper\n"),
        ("a\tb\nc\n", "k: |\n  a\tb\n  c\n"),
        ("trailing \nspace\n", #"k: "trailing \nspace\n""# + "\n"),
        ("trailing\t\ntab", #"k: "trailing\t\ntab""# + "\n"),
        ("bell\u{7}\nx\n", #"k: "bell\x07\nx\n""# + "\n"),
        ("crlf\r\nx\r\n", #"k: "crlf\r\nx\r\n""# + "\n"),
        ("\n\n", #"k: "\n\n""# + "\n"),
        ("\n", #"k: "\n""# + "\n"),
    ]

    static let multiLine = cases.map(\.0)

    @Test("literal blocks, with the chomping and indentation indicators they need", arguments: cases)
    func literal(_ string: String, _ expected: String) {
        #expect(YAMLWriter.document(["k": .string(string)]) == expected)
    }

    @Test("literal blocks in lists and nested maps are indented under their parent")
    func nested() {
        let value: YAMLValue = [
            "script": ["set -eu\necho ok\n", "last"],
            "items": [["run": "a\nb"]],
        ]
        #expect(YAMLWriter.document(value) == """
            script:
              - |
                set -eu
                echo ok
              - last
            items:
              - run: |-
                  a
                  b

            """)
    }

    @Test("a multi-line top-level scalar is double-quoted")
    func topLevel() {
        #expect(YAMLWriter.document("a\nb\n") == #""a\nb\n""# + "\n")
    }
}
