import Testing
@testable import BizraGenKit

@Suite("YAML scalar quoting")
struct YAMLQuotingTests {
    /// Strings every YAML 1.1 and 1.2 reader takes as strings, written plain.
    static let plain = [
        "bizra-production", "ghcr.io/bizra/node:v2.2.0", "10.0.0.0/8", "/api/v1",
        "hello world", "a:b", "a#b", "http://example.com/x?q=1&r=2", "v1", "3scale",
        "1.2.3-beta", "café", "日本語", "back\\slash", "50%", "a-b_c.d", "x=1", "+", ".", "2.2.0a",
    ]

    /// Strings that must be quoted, and their double-quoted form.
    static let quoted: [(String, String)] = [
        ("", #""""#),
        ("true", #""true""#), ("True", #""True""#), ("FALSE", #""FALSE""#), ("yes", #""yes""#),
        ("No", #""No""#), ("y", #""y""#), ("N", #""N""#), ("on", #""on""#), ("OFF", #""OFF""#),
        ("null", #""null""#), ("Null", #""Null""#), ("~", #""~""#), ("<<", #""<<""#), ("=", #""=""#),
        ("123", #""123""#), ("-1", #""-1""#), ("+1", #""+1""#), ("0x1F", #""0x1F""#), ("0o17", #""0o17""#),
        ("0777", #""0777""#), ("1_000", #""1_000""#), ("0b101", #""0b101""#), ("0x1p-2", #""0x1p-2""#),
        ("1.30", #""1.30""#), (".5", #"".5""#), ("1e3", #""1e3""#), ("1E+3", #""1E+3""#), ("1.", #""1.""#),
        (".inf", #"".inf""#), ("-.Inf", #""-.Inf""#), (".NaN", #"".NaN""#), ("+infinity", #""+infinity""#),
        ("1:30", #""1:30""#), ("12:30:00", #""12:30:00""#), ("1.2.3", #""1.2.3""#),
        ("2001-12-14", #""2001-12-14""#), ("2001-12-14T21:59:43Z", #""2001-12-14T21:59:43Z""#),
        ("-x", #""-x""#), ("?x", #""?x""#), (":x", #"":x""#), (",x", #"",x""#), ("[x", #""[x""#),
        ("]x", #""]x""#), ("{x", #""{x""#), ("}x", #""}x""#), ("#x", ##""#x""##), ("&x", #""&x""#),
        ("*x", #""*x""#), ("!x", #""!x""#), ("|x", #""|x""#), (">x", #"">x""#), ("'x", #""'x""#),
        ("\"x", #""\"x""#), ("%x", #""%x""#), ("@x", #""@x""#), ("`x", #""`x""#), ("---", #""---""#),
        ("...", #""...""#), (" x", #"" x""#), ("x ", #""x ""#), ("a: b", #""a: b""#), ("a #b", #""a #b""#),
        ("key:", #""key:""#), ("a\tb", #""a\tb""#), ("a\rb", #""a\rb""#), ("bell\u{7}", #""bell\x07""#),
        ("nul\u{0}", #""nul\x00""#), ("esc\u{1B}", #""esc\x1B""#), ("del\u{7F}", #""del\x7F""#),
        ("nel\u{85}", #""nel\u0085""#), ("ls\u{2028}", #""ls\u2028""#), ("ps\u{2029}", #""ps\u2029""#),
        ("\u{FEFF}bom", #""\uFEFFbom""#), ("zero\u{200B}width", "\"zero\u{200B}width\""),
        ("nb\u{A0}sp", "\"nb\u{A0}sp\""), ("-a\\b", #""-a\\b""#),
    ]

    private func written(_ string: String) -> String {
        let text = YAMLWriter.document(["k": .string(string)])
        return String(text.dropFirst(3).dropLast())
    }

    @Test("plain-safe strings stay plain", arguments: plain)
    func staysPlain(_ string: String) {
        #expect(YAMLScalarStyle.forValue(string) == .plain)
        #expect(written(string) == string)
    }

    @Test("strings another type would claim are double-quoted", arguments: quoted)
    func isQuoted(_ string: String, _ expected: String) {
        #expect(YAMLScalarStyle.forValue(string) == .doubleQuoted)
        #expect(written(string) == expected)
    }

    @Test("keys follow the same rules")
    func keys() {
        let text = YAMLWriter.document(["app.kubernetes.io/name": "x", "on": "y", "": "z", "a: b": 1])
        #expect(text == "app.kubernetes.io/name: x\n\"on\": \"y\"\n\"\": z\n\"a: b\": 1\n")
    }

    @Test("PyYAML reads every string back unchanged, as key and as value", .enabled(if: ExternalTool.hasPyYAML, "python3 with PyYAML is not installed"))
    func roundTripThroughPyYAML() throws {
        let strings = Self.plain + Self.quoted.map(\.0) + YAMLLiteralTests.multiLine
        let entries = strings.enumerated().map { (key: "value\($0.offset)", value: YAMLValue.string($0.element)) }
        let keyed = strings.enumerated().map { (key: $0.element, value: YAMLValue.int($0.offset)) }
        let document: YAMLValue = ["values": .map(YAMLMap(entries)), "keys": .map(YAMLMap(keyed)), "list": .list(strings.map(YAMLValue.string))]
        let loaded = try #require(try ExternalTool.loadWithPyYAML(YAMLWriter.document(document)) as? [String: Any])
        let values = try #require(loaded["values"] as? [String: Any])
        let keys = try #require(loaded["keys"] as? [String: Any])
        let list = try #require(loaded["list"] as? [Any])
        for (offset, string) in strings.enumerated() {
            #expect(values["value\(offset)"] as? String == string, "value \(string.debugDescription)")
            #expect(keys[string] as? Int == offset, "key \(string.debugDescription)")
            #expect(list[offset] as? String == string, "list item \(string.debugDescription)")
        }
    }
}
