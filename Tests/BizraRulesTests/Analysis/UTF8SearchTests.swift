import Testing
@testable import BizraRules

@Suite("String.containsUTF8")
struct UTF8SearchTests {
    @Test(arguments: [
        ("postgres://user:pw@host/db", "://", true), ("no scheme here", "://", false),
        ("AKIA", "AKIA", true), ("AKI", "AKIA", false), ("", "x", false), ("anything", "", true),
        ("xxAKIAxx", "AKIA", true), ("AKIAKIA", "KIAK", true), ("ababac", "abac", true), ("ababab", "abac", false),
        ("café://", "://", true), ("日本語の鍵", "鍵", true), ("日本語", "本日", false),
    ])
    func finds(text: String, marker: String, expected: Bool) {
        #expect(text.containsUTF8(marker) == expected)
    }

    @Test("a marker at the very end of a long value is found, and a missing one is not")
    func longValue() {
        let value = String(repeating: "a", count: 400_000)
        #expect((value + "-----BEGIN").containsUTF8("-----BEGIN"))
        #expect(!value.containsUTF8("-----BEGIN"))
    }
}
