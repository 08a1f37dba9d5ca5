/// A block of Grafana Alloy's configuration syntax: `name "label" { attribute = value … block { … } }`.
///
/// Just what the log pipeline needs: string, string-list and string-map attributes, raw
/// expressions (references to other components' exports), and nested blocks. Strings are
/// quoted as Alloy's Go-style literals, so the text is the same for the same blocks.
struct AlloyBlock {
    enum Value {
        case string(String)
        case strings([String])
        case map([(key: String, value: String)])
        /// An expression written as is: `discovery.kubernetes.pods.targets`.
        case expression(String)
    }

    var name: String
    var label: String?
    var attributes: [(key: String, value: Value)] = []
    var blocks: [AlloyBlock] = []

    init(_ name: String, _ label: String? = nil, _ attributes: [(key: String, value: Value)] = [], blocks: [AlloyBlock] = []) {
        self.name = name
        self.label = label
        self.attributes = attributes
        self.blocks = blocks
    }

    /// The block's text at an indentation of `depth` levels of two spaces.
    func text(depth: Int = 0) -> String {
        let indent = String(repeating: "  ", count: depth)
        let inner = String(repeating: "  ", count: depth + 1)
        var header = indent + name
        if let label { header += " " + Self.quoted(label) }
        var lines = [header + " {"]
        let width = attributes.map(\.key.count).max() ?? 0
        for (key, value) in attributes {
            lines.append(inner + key + String(repeating: " ", count: width - key.count) + " = " + Self.render(value, indent: inner))
        }
        for block in blocks {
            lines.append(block.text(depth: depth + 1))
        }
        lines.append(indent + "}")
        return lines.joined(separator: "\n")
    }

    /// Blocks one after another, a blank line apart, ending with a newline.
    static func file(_ blocks: [AlloyBlock]) -> String {
        blocks.map { $0.text() }.joined(separator: "\n\n") + "\n"
    }

    private static func render(_ value: Value, indent: String) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .expression(let text): return text
        case .strings(let items): return "[" + items.map(quoted).joined(separator: ", ") + "]"
        case .map(let entries):
            guard !entries.isEmpty else { return "{}" }
            let width = entries.map { quoted($0.key).count }.max() ?? 0
            let body = entries.map { entry in
                let key = quoted(entry.key)
                return indent + "  " + key + String(repeating: " ", count: width - key.count) + " = " + quoted(entry.value) + ","
            }
            return "{\n" + body.joined(separator: "\n") + "\n" + indent + "}"
        }
    }

    /// A double-quoted string literal with `\`, `"` and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
