/// JavaScript source text for values computed from the spec.
enum JavaScriptLiteral {
    /// Single-quoted: backslashes, quotes, `\n`, `\r`, `\t`, U+2028 and U+2029 (line ends to
    /// JavaScript), and other control characters as `\xNN`.
    static let literal = QuotedLiteral(quote: "'") { scalar in
        switch scalar {
        case "\\": "\\\\"
        case "'": "\\'"
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case "\u{2028}": "\\u2028"
        case "\u{2029}": "\\u2029"
        case _ where scalar.value < 0x20: "\\x" + QuotedLiteral.hex(scalar.value, digits: 2, uppercase: false)
        default: nil
        }
    }

    /// A single-quoted string literal that reads back as `text`.
    static func string(_ text: String) -> String { literal.quoted(text) }

    /// A string literal, or `null`.
    static func optionalString(_ text: String?) -> String {
        text.map(string) ?? "null"
    }

    /// An object literal of string values, keys in a fixed order.
    static func object(_ pairs: [(String, String)]) -> String {
        if pairs.isEmpty { return "{}" }
        return "{ " + pairs.map { "\(string($0.0)): \(string($0.1))" }.joined(separator: ", ") + " }"
    }
}
