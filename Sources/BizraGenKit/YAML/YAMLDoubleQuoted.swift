/// Double-quoted scalars: escapes for everything YAML cannot or should not hold as is.
enum YAMLDoubleQuoted {
    /// `\\`, `\"`, `\n`, `\t`, `\r`; other C0 controls and DEL as `\xNN`; C1 controls, U+2028,
    /// U+2029, U+FEFF, U+FFFE and U+FFFF as `\uNNNN`.
    static let literal = QuotedLiteral(quote: "\"") { scalar in
        switch scalar {
        case "\\": #"\\"#
        case "\"": #"\""#
        case "\n": #"\n"#
        case "\t": #"\t"#
        case "\r": #"\r"#
        default:
            switch scalar.value {
            case 0...0x1F, 0x7F: "\\x" + QuotedLiteral.hex(scalar.value, digits: 2, uppercase: true)
            case 0x80...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: "\\u" + QuotedLiteral.hex(scalar.value, digits: 4, uppercase: true)
            default: nil
            }
        }
    }

    /// The string in double quotes, escaped as `literal` says.
    static func quote(_ string: String) -> String { literal.quoted(string) }

    /// Appends `quote(string)`.
    static func write(_ string: String, into out: inout UTF8Buffer) { literal.write(string, into: &out) }

    /// Whether the scalar is a control character, line or paragraph separator, BOM, or non-character that `quote` escapes.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
