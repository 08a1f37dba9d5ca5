/// Whether a string may be written as a plain scalar.
enum YAMLPlainScalar {
    /// Words that YAML 1.1 or 1.2 resolve to a Boolean, null, or a special key, compared lowercased.
    private static let reservedWords: Set<String> = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "<<", "=",
    ]

    /// Special floats, compared lowercased after an optional sign.
    private static let specialFloats: Set<String> = [
        "inf", "infinity", "nan", ".inf", ".infinity", ".nan",
    ]

    /// The longest word YAML could read as a Boolean, null or special float (`+infinity`).
    private static let longestWord = 9

    /// Bytes that cannot start a plain scalar: YAML's indicator characters. A switch, not a table:
    /// this runs for every scalar written, and a switch costs no lookup of a global.
    private static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
             UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
             UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"): true
        default: false
        }
    }

    /// First bytes of the numbers, timestamps and signed or dotted floats YAML could read.
    private static func startsNumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."): true
        default: false
        }
    }

    /// First bytes of the short words YAML could read as Booleans, null or special floats.
    private static func startsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: "y"), UInt8(ascii: "Y"),
             UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"),
             UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "i"), UInt8(ascii: "I"): true
        default: false
        }
    }

    static func isSafe(_ string: String) -> Bool {
        var utf8 = string
        return utf8.withUTF8 { isSafe($0, string) }
    }

    /// `isSafe(string)`, given the string's UTF-8 bytes.
    static func isSafe(_ utf8: UnsafeBufferPointer<UInt8>, _ string: String) -> Bool {
        switch asciiVerdict(utf8, string) {
        case .safe: true
        case .unsafe: false
        case .notASCII: isSafeUnicode(string)
        }
    }

    private enum Verdict { case safe, unsafe, notASCII }

    /// The common case in one pass over the bytes: the same decision as `isSafeUnicode`, or
    /// `.notASCII` at the first non-ASCII byte. Every reason for `.unsafe` found before that byte
    /// holds for the Unicode decision too, so it stands.
    private static func asciiVerdict(_ bytes: UnsafeBufferPointer<UInt8>, _ string: String) -> Verdict {
        guard let first = bytes.first, let last = bytes.last else { return .unsafe }
        let space = UInt8(ascii: " "), colon = UInt8(ascii: ":")
        if first == space || isIndicator(first) { return .unsafe }
        if last == space || last == colon { return .unsafe }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte >= 0x80 { return .notASCII }
            guard byte >= 0x20 && byte <= 0x7E else { return .unsafe }
            if previous == colon && byte == space { return .unsafe }
            if previous == space && byte == UInt8(ascii: "#") { return .unsafe }
            previous = byte
        }
        if bytes.count >= 3 && bytes[0] == UInt8(ascii: ".") && bytes[1] == UInt8(ascii: ".") && bytes[2] == UInt8(ascii: ".") {
            return .unsafe
        }
        let mayBeTyped = startsNumeric(first) || (startsWord(first) && bytes.count <= longestWord)
        return mayBeTyped && resolvesToNonString(string) ? .unsafe : .safe
    }

    private static func isSafeUnicode(_ string: String) -> Bool {
        let scalars = Array(string.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return false }
        if first == " " || (first.isASCII && isIndicator(UInt8(first.value))) { return false }
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
        var utf8 = string
        return utf8.withUTF8 { resolvesToNonString($0[...]) }
    }

    /// The words are compared ASCII-lowercased: no other character lowercases to one of their letters.
    private static func resolvesToNonString(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        if reservedWordBytes.contains(where: { equalsLowercased(bytes, $0) }) { return true }
        var unsigned = bytes
        if let sign = unsigned.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            unsigned = unsigned.dropFirst()
        }
        if specialFloatBytes.contains(where: { equalsLowercased(unsigned, $0) }) { return true }
        return looksNumeric(unsigned) || looksLikeTimestamp(bytes)
    }

    private static let reservedWordBytes = reservedWords.sorted().map { Array($0.utf8) }
    private static let specialFloatBytes = specialFloats.sorted().map { Array($0.utf8) }

    private static func equalsLowercased(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ word: [UInt8]) -> Bool {
        bytes.count == word.count && zip(bytes, word).allSatisfy { byte, letter in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 == letter : byte == letter
        }
    }

    private static func looksNumeric(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = bytes.first else { return false }
        let rest = bytes.dropFirst()
        if first == UInt8(ascii: "0"), let marker = rest.first, "xXoObB".utf8.contains(marker), rest.count > 1 {
            return rest.dropFirst().allSatisfy { isHexDigit($0) || "_.pP+-".utf8.contains($0) }
        }
        let startsNumber = isDigit(first) || (first == UInt8(ascii: ".") && rest.first.map(isDigit) == true)
        return startsNumber && bytes.allSatisfy { isDigit($0) || "_.:eE+-".utf8.contains($0) }
    }

    private static func looksLikeTimestamp(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        bytes.count >= 8 && bytes.prefix(4).allSatisfy(isDigit) && bytes[bytes.startIndex + 4] == UInt8(ascii: "-")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
    }
}
