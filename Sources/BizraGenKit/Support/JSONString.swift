/// JSON string literals, written the same way wherever bizra-gen writes JSON by hand.
enum JSONString {
    /// Quotes, backslashes, `\n`, `\r`, `\t`, and other control characters as `\u00NN`.
    static let literal = QuotedLiteral(quote: "\"") { scalar in
        switch scalar {
        case "\"": "\\\""
        case "\\": "\\\\"
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case _ where scalar.value < 0x20: "\\u" + QuotedLiteral.hex(scalar.value, digits: 4, uppercase: false)
        default: nil
        }
    }

    /// `text` as a double-quoted JSON string.
    static func quoted(_ text: String) -> String { literal.quoted(text) }
}
