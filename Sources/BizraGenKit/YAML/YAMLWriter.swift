/// Writes ``YAMLValue`` trees as block-style YAML: two-space indentation, sequences
/// indented under their key, LF line ends, and a final line break.
///
/// The output depends only on the value: never on locale, time, or dictionary order.
public struct YAMLWriter {
    /// Keys longer than this many characters are written as explicit keys (`? key`),
    /// since YAML readers limit implicit keys to 1024 characters.
    static let implicitKeyLimit = 1000

    /// One document, without a `---` marker.
    public static func document(_ value: YAMLValue) -> String {
        var out = ""
        switch value {
        case let .map(map) where !map.isEmpty:
            writeMap(map, indent: 0, into: &out)
        case let .list(list) where !list.isEmpty:
            writeList(list, indent: 0, into: &out)
        default:
            out += inline(value) + "\n"
        }
        return out
    }

    /// A stream: each line of `header` as a comment, then each document after a `---` line.
    public static func stream(header: String, documents: [YAMLValue]) -> String {
        var out = ""
        for line in commentLines(header) {
            out += line.isEmpty ? "#\n" : "# " + line + "\n"
        }
        for document in documents {
            out += "---\n" + self.document(document)
        }
        return out
    }

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

    /// Writes `map` at column `indent`; `lead`, when given, replaces the first line's indentation
    /// (a list item's `- `, of the same width), so that list items are written in place.
    private static func writeMap(_ map: YAMLMap, indent: Int, lead: String? = nil, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (index, entry) in map.entries.enumerated() {
            let start = index == 0 ? lead ?? pad : pad
            let keyText = scalarText(entry.key, style: YAMLScalarStyle.forKey(entry.key))
            out += start
            if keyText.unicodeScalars.count > implicitKeyLimit {
                out += "? "
                out += keyText
                out += "\n"
                out += pad
            } else {
                out += keyText
            }
            out += ":"
            writeNested(entry.value, indent: indent, into: &out)
        }
    }

    private static func writeList(_ list: [YAMLValue], indent: Int, lead: String? = nil, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (index, item) in list.enumerated() {
            let start = index == 0 ? lead ?? pad : pad
            switch item {
            case let .map(map) where !map.isEmpty:
                writeMap(map, indent: indent + 2, lead: start + "- ", into: &out)
            case let .list(list) where !list.isEmpty:
                writeList(list, indent: indent + 2, lead: start + "- ", into: &out)
            default:
                out += start
                out += "-"
                writeNested(item, indent: indent, into: &out)
            }
        }
    }

    /// Writes what follows a `key:` or `-` whose node sits at column `indent`.
    private static func writeNested(_ value: YAMLValue, indent: Int, into out: inout String) {
        switch value {
        case let .map(map) where !map.isEmpty:
            out += "\n"
            writeMap(map, indent: indent + 2, into: &out)
        case let .list(list) where !list.isEmpty:
            out += "\n"
            writeList(list, indent: indent + 2, into: &out)
        case let .string(string) where YAMLScalarStyle.forValue(string) == .literal:
            out += " " + YAMLLiteralBlock.header(string) + "\n"
            let pad = String(repeating: " ", count: indent + YAMLLiteralBlock.indentation)
            for line in YAMLLiteralBlock.lines(string) {
                if !line.isEmpty {
                    out += pad
                    out += line
                }
                out += "\n"
            }
        default:
            out += " "
            out += inline(value)
            out += "\n"
        }
    }

    /// A node on one line: scalars, `{}` and `[]`. Multi-line strings are double-quoted here.
    private static func inline(_ value: YAMLValue) -> String {
        switch value {
        case let .string(string): scalarText(string, style: YAMLScalarStyle.forKey(string))
        case let .int(int): String(int)
        case let .double(double): YAMLNumber.text(double)
        case let .bool(bool): bool ? "true" : "false"
        case .null: "null"
        case .list: "[]"
        case .map: "{}"
        }
    }

    private static func scalarText(_ string: String, style: YAMLScalarStyle) -> String {
        style == .plain ? string : YAMLDoubleQuoted.quote(string)
    }
}
