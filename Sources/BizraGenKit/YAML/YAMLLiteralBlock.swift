/// Literal block scalars (`|`): when one can hold a string, and how it is written.
///
/// Everything works on the UTF-8 bytes: a line break is the byte 0x0A in any UTF-8 text, and only
/// lines with non-ASCII bytes are decoded to check for characters that would need an escape.
enum YAMLLiteralBlock {
    /// The indentation of block content relative to its parent, as the header's indicator digit states it.
    static let indentation = 2

    private static let lineFeed = UInt8(ascii: "\n")

    /// A literal block can hold the string when it has a non-empty line, no line ends in a
    /// space or tab, and no character would need an escape.
    static func canHold(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let lines = split(utf8)
        guard lines.contains(where: { !$0.isEmpty }) else { return false }
        return lines.allSatisfy { line in
            guard let last = line.last else { return true }
            return last != UInt8(ascii: " ") && last != UInt8(ascii: "\t") && !needsEscape(line)
        }
    }

    /// The header after the key or dash: `|`, then an indentation indicator when the first
    /// non-empty line starts with a space, then the chomping indicator.
    private static func header(_ utf8: UnsafeBufferPointer<UInt8>, lines: [Slice<UnsafeBufferPointer<UInt8>>]) -> String {
        let firstContent = lines.first { !$0.isEmpty }
        let indicator = firstContent?.first == UInt8(ascii: " ") ? String(indentation) : ""
        let trailingNewlines = utf8.reversed().prefix { $0 == lineFeed }.count
        let chomping = switch trailingNewlines {
        case 0: "-"
        case 1: ""
        default: "+"
        }
        return "|" + indicator + chomping
    }

    /// After a `key:` or `-` whose node sits at column `indent`: a space, the header, and the
    /// lines indented under the parent (empty lines stay empty).
    static func write(_ utf8: UnsafeBufferPointer<UInt8>, indent: Int, into out: inout UTF8Buffer) {
        let lines = split(utf8)
        out.write(UInt8(ascii: " "))
        out.write(header(utf8, lines: lines))
        out.write(lineFeed)
        for line in lines {
            if !line.isEmpty {
                out.writeSpaces(indent + indentation)
                out.write(UnsafeBufferPointer(rebasing: line))
            }
            out.write(lineFeed)
        }
    }

    private static func split(_ utf8: UnsafeBufferPointer<UInt8>) -> [Slice<UnsafeBufferPointer<UInt8>>] {
        var content = utf8[...]
        if content.last == lineFeed { content = content.dropLast() }
        return content.split(separator: lineFeed, omittingEmptySubsequences: false)
    }

    /// Whether the line has a character, other than a tab, that `YAMLDoubleQuoted.quote` would escape.
    private static func needsEscape(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var hasNonASCII = false
        for byte in line {
            if byte >= 0x80 {
                hasNonASCII = true
            } else if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F {
                return true
            }
        }
        guard hasNonASCII else { return false }
        return String(decoding: line, as: UTF8.self).unicodeScalars.contains { YAMLDoubleQuoted.needsEscape($0) && $0 != "\t" }
    }
}
