/// The syntax of a quoted string literal in a generated text (a YAML double-quoted scalar, a JSON
/// string, a JavaScript string): its quote, and the escape of each character that needs one.
/// Every other character is written as it is.
struct QuotedLiteral: Sendable {
    let quote: Unicode.Scalar
    /// The escape for a character, or nil when it is written as it is.
    let escape: @Sendable (Unicode.Scalar) -> String?

    /// `text` between quotes, escaped.
    func quoted(_ text: String) -> String {
        var out = UTF8Buffer()
        write(text, into: &out)
        return out.text
    }

    /// Appends `quoted(text)`.
    func write(_ text: String, into out: inout UTF8Buffer) {
        out.write(UInt8(quote.value))
        for scalar in text.unicodeScalars {
            if let escaped = escape(scalar) {
                out.write(escaped)
            } else if scalar.isASCII {
                out.write(UInt8(scalar.value))
            } else {
                out.write(String(scalar))
            }
        }
        out.write(UInt8(quote.value))
    }

    /// `value` in hexadecimal, zero-padded to `digits`, for numeric escapes (`\x07`, `\u2028`).
    static func hex(_ value: UInt32, digits: Int, uppercase: Bool) -> String {
        let text = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
