/// Double-quoted scalars: escapes for everything YAML cannot or should not hold as is.
enum YAMLDoubleQuoted {
    /// The string in double quotes, with `\\`, `\"`, `\n`, `\t`, `\r`, other C0 controls and DEL
    /// as `\xNN`, and C1 controls, U+2028, U+2029, U+FEFF, U+FFFE and U+FFFF as `\uNNNN`.
    static func quote(_ string: String) -> String {
        var out = UTF8Buffer()
        write(string, into: &out)
        return out.text
    }

    /// Appends `quote(string)`.
    static func write(_ string: String, into out: inout UTF8Buffer) {
        out.write(UInt8(ascii: "\""))
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\\": out.write(#"\\"#)
            case "\"": out.write(#"\""#)
            case "\n": out.write(#"\n"#)
            case "\t": out.write(#"\t"#)
            case "\r": out.write(#"\r"#)
            default:
                switch scalar.value {
                case 0...0x1F, 0x7F: out.write("\\x" + hex(scalar.value, width: 2))
                case 0x80...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: out.write("\\u" + hex(scalar.value, width: 4))
                case 0x20..<0x7F: out.write(UInt8(scalar.value))
                default: out.write(String(scalar))
                }
            }
        }
        out.write(UInt8(ascii: "\""))
    }

    /// Whether the scalar is a control character, line or paragraph separator, BOM, or non-character that `quote` escapes.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
