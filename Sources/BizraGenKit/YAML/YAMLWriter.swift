/// Writes ``YAMLValue`` trees as block-style YAML: two-space indentation, sequences
/// indented under their key, LF line ends, and a final line break.
///
/// The output depends only on the value: never on locale, time, or dictionary order.
/// Text is built as UTF-8 bytes in one buffer (``UTF8Buffer``); the `String` forms decode it once.
public struct YAMLWriter {
    /// Keys longer than this many characters are written as explicit keys (`? key`),
    /// since YAML readers limit implicit keys to 1024 characters.
    static let implicitKeyLimit = 1000

    /// One document, without a `---` marker.
    public static func document(_ value: YAMLValue) -> String {
        var out = UTF8Buffer()
        writeDocument(value, into: &out)
        return out.text
    }

    /// A stream: each line of `header` as a comment, then each document after a `---` line.
    public static func stream(header: String, documents: [YAMLValue]) -> String {
        String(decoding: streamBytes(header: header, documents: documents), as: UTF8.self)
    }

    /// `stream(header:documents:)` as UTF-8 bytes.
    public static func streamBytes(header: String, documents: [YAMLValue]) -> [UInt8] {
        headerBytes(header) + documentBytes(documents)
    }

    /// The start of a stream: each line of `header` as a comment.
    public static func headerBytes(_ header: String) -> [UInt8] {
        var out = UTF8Buffer()
        for line in commentLines(header) {
            out.write(line.isEmpty ? "#\n" : "# " + line + "\n")
        }
        return out.bytes
    }

    /// Each document after a `---` line. A stream is its header followed by its documents, so a
    /// long stream can be written in parts and the parts joined.
    public static func documentBytes(_ documents: some Collection<YAMLValue>) -> [UInt8] {
        var out = UTF8Buffer(reservingCapacity: 4096)
        for document in documents {
            out.write("---\n")
            writeDocument(document, into: &out)
        }
        return out.bytes
    }

    /// `documentBytes(_:)`, with the offset where each document's text ends, so that a stream of
    /// some of the documents can be joined from slices without writing them again.
    public static func documentBytesAndEnds(_ documents: some Collection<YAMLValue>) -> (bytes: [UInt8], ends: [Int]) {
        var out = UTF8Buffer(reservingCapacity: 4096)
        var ends: [Int] = []
        ends.reserveCapacity(documents.count)
        for document in documents {
            out.write("---\n")
            writeDocument(document, into: &out)
            ends.append(out.count)
        }
        return (out.bytes, ends)
    }

    private static func writeDocument(_ value: YAMLValue, into out: inout UTF8Buffer) {
        switch value {
        case let .map(map) where !map.isEmpty:
            writeMap(map, indent: 0, into: &out)
        case let .list(list) where !list.isEmpty:
            writeList(list, indent: 0, into: &out)
        default:
            writeInline(value, into: &out)
            out.write(lineFeed)
        }
    }

    private static let lineFeed = UInt8(ascii: "\n")

    private static func commentLines(_ header: String) -> [String] {
        guard !header.isEmpty else { return [] }
        var lines = header.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.count > 1, lines.last == "" { lines.removeLast() }
        return lines.map { line in
            let kept = line.unicodeScalars.filter { !YAMLDoubleQuoted.needsEscape($0) || $0 == "\t" }
            var scalars = Array(kept)
            while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
            return String(String.UnicodeScalarView(scalars))
        }
    }

    /// Writes `map` at column `indent`. With `leadWritten`, the first line's indentation is already
    /// out (a list item's `- `, of the same width), so that list items are written in place.
    private static func writeMap(_ map: YAMLMap, indent: Int, leadWritten: Bool = false, into out: inout UTF8Buffer) {
        for (index, entry) in map.entries.enumerated() {
            if index > 0 || !leadWritten { out.writeSpaces(indent) }
            let keyStart = out.count
            writeInlineString(entry.key, into: &out)
            if out.count - keyStart > implicitKeyLimit, out.text(from: keyStart).unicodeScalars.count > implicitKeyLimit {
                out.insert("? ", at: keyStart)
                out.write(lineFeed)
                out.writeSpaces(indent)
            }
            out.write(UInt8(ascii: ":"))
            writeNested(entry.value, indent: indent, into: &out)
        }
    }

    private static func writeList(_ list: [YAMLValue], indent: Int, leadWritten: Bool = false, into out: inout UTF8Buffer) {
        for (index, item) in list.enumerated() {
            if index > 0 || !leadWritten { out.writeSpaces(indent) }
            switch item {
            case let .map(map) where !map.isEmpty:
                out.write("- ")
                writeMap(map, indent: indent + 2, leadWritten: true, into: &out)
            case let .list(list) where !list.isEmpty:
                out.write("- ")
                writeList(list, indent: indent + 2, leadWritten: true, into: &out)
            default:
                out.write(UInt8(ascii: "-"))
                writeNested(item, indent: indent, into: &out)
            }
        }
    }

    /// Writes what follows a `key:` or `-` whose node sits at column `indent`.
    private static func writeNested(_ value: YAMLValue, indent: Int, into out: inout UTF8Buffer) {
        switch value {
        case let .map(map) where !map.isEmpty:
            out.write(lineFeed)
            writeMap(map, indent: indent + 2, into: &out)
        case let .list(list) where !list.isEmpty:
            out.write(lineFeed)
            writeList(list, indent: indent + 2, into: &out)
        case let .string(string):
            var utf8 = string
            utf8.withUTF8 { bytes in
                if YAMLScalarStyle.forValue(bytes, string) == .literal {
                    YAMLLiteralBlock.write(bytes, indent: indent, into: &out)
                } else {
                    out.write(UInt8(ascii: " "))
                    writeInlineString(bytes, string, into: &out)
                    out.write(lineFeed)
                }
            }
        default:
            out.write(UInt8(ascii: " "))
            writeInline(value, into: &out)
            out.write(lineFeed)
        }
    }

    /// A node on one line: scalars, `{}` and `[]`. Multi-line strings are double-quoted here.
    private static func writeInline(_ value: YAMLValue, into out: inout UTF8Buffer) {
        switch value {
        case let .string(string): writeInlineString(string, into: &out)
        case let .int(int): out.write(String(int))
        case let .double(double): out.write(YAMLNumber.text(double))
        case let .bool(bool): out.write(bool ? "true" : "false")
        case .null: out.write("null")
        case .list: out.write("[]")
        case .map: out.write("{}")
        }
    }

    private static func writeInlineString(_ string: String, into out: inout UTF8Buffer) {
        var utf8 = string
        utf8.withUTF8 { writeInlineString($0, string, into: &out) }
    }

    /// Plain when safe, double-quoted otherwise.
    private static func writeInlineString(_ utf8: UnsafeBufferPointer<UInt8>, _ string: String, into out: inout UTF8Buffer) {
        if YAMLPlainScalar.isSafe(utf8, string) {
            out.write(utf8)
        } else {
            YAMLDoubleQuoted.write(string, into: &out)
        }
    }
}
