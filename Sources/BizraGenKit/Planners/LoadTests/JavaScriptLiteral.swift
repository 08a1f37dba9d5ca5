/// JavaScript source text for values computed from the spec.
enum JavaScriptLiteral {
    /// A single-quoted string literal that reads back as `text`.
    static func string(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "'"
    }

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
