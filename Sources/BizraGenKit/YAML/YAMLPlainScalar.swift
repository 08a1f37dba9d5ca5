/// Whether a string may be written as a plain scalar.
enum YAMLPlainScalar {
    private static let indicators: Set<Unicode.Scalar> = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
    ]

    /// Words that YAML 1.1 or 1.2 resolve to a Boolean, null, or a special key, compared lowercased.
    private static let reservedWords: Set<String> = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "<<", "=",
    ]

    /// Special floats, compared lowercased after an optional sign.
    private static let specialFloats: Set<String> = [
        "inf", "infinity", "nan", ".inf", ".infinity", ".nan",
    ]

    /// First bytes of the numbers, timestamps and signed or dotted floats YAML could read.
    private static let numericStarts = Set("0123456789+-.".utf8)
    /// First bytes of the short words YAML could read as Booleans, null or special floats.
    private static let wordStarts = Set("~<=yYnNtTfFoOiI".utf8)
    /// The longest such word (`+infinity`).
    private static let longestWord = 9
    private static let indicatorBytes = Set(indicators.map { UInt8($0.value) })

    static func isSafe(_ string: String) -> Bool {
        let bytes = string.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return isSafeUnicode(string) }
        return isSafeASCII(bytes, string)
    }

    /// The common case in one pass over the bytes: the same decision as `isSafeUnicode`.
    private static func isSafeASCII(_ bytes: String.UTF8View, _ string: String) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        let space = UInt8(ascii: " "), colon = UInt8(ascii: ":")
        if first == space || indicatorBytes.contains(first) { return false }
        if last == space || last == colon { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            guard (0x20...0x7E).contains(byte) else { return false }
            if previous == colon && byte == space { return false }
            if previous == space && byte == UInt8(ascii: "#") { return false }
            previous = byte
        }
        if bytes.starts(with: "...".utf8) { return false }
        let mayBeTyped = numericStarts.contains(first) || (wordStarts.contains(first) && bytes.count <= longestWord)
        return !mayBeTyped || !resolvesToNonString(string)
    }

    private static func isSafeUnicode(_ string: String) -> Bool {
        let scalars = Array(string.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return false }
        if first == " " || indicators.contains(first) { return false }
        if last == " " || last == ":" { return false }
        if !scalars.allSatisfy(isPlainPrintable) { return false }
        if scalars.starts(with: [".", ".", "."]) { return false }
        if contains(scalars, [":", " "]) || contains(scalars, [" ", "#"]) { return false }
        return !resolvesToNonString(string)
    }

    /// Printable, visible, and never a line break or a BOM under YAML 1.1 or 1.2.
    private static func isPlainPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return true
        case 0...0x9F: return false
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned,
                 .lineSeparator, .paragraphSeparator, .spaceSeparator:
                return false
            default:
                return true
            }
        }
    }

    private static func contains(_ scalars: [Unicode.Scalar], _ pair: [Unicode.Scalar]) -> Bool {
        zip(scalars, scalars.dropFirst()).contains { $0 == pair[0] && $1 == pair[1] }
    }

    /// Whether any YAML 1.1 or 1.2 core-schema reader, or go-yaml, could read the text as
    /// a Boolean, null, integer, float, sexagesimal number or timestamp. Deliberately broad:
    /// quoting a string that did not need it costs nothing.
    static func resolvesToNonString(_ string: String) -> Bool {
        let lowered = string.lowercased()
        if reservedWords.contains(lowered) { return true }
        var bytes = Array(string.utf8)[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        if specialFloats.contains(String(decoding: bytes, as: UTF8.self).lowercased()) { return true }
        return looksNumeric(bytes) || looksLikeTimestamp(Array(string.utf8))
    }

    private static func looksNumeric(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        let rest = bytes.dropFirst()
        if first == UInt8(ascii: "0"), let marker = rest.first, "xXoObB".utf8.contains(marker), rest.count > 1 {
            return rest.dropFirst().allSatisfy { isHexDigit($0) || "_.pP+-".utf8.contains($0) }
        }
        let startsNumber = isDigit(first) || (first == UInt8(ascii: ".") && rest.first.map(isDigit) == true)
        return startsNumber && bytes.allSatisfy { isDigit($0) || "_.:eE+-".utf8.contains($0) }
    }

    private static func looksLikeTimestamp(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 8 && bytes.prefix(4).allSatisfy(isDigit) && bytes[4] == UInt8(ascii: "-")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
    }
}
