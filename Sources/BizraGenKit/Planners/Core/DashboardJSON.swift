import BizraSpec

/// A JSON value for dashboards, written deterministically: object keys keep their given order
/// (or are sorted), numbers never use exponents, two-space indentation, LF line ends.
indirect enum DashboardJSON: Equatable, Sendable {
    case string(String)
    case int(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([DashboardJSON])
    case object([(key: String, value: DashboardJSON)])

    static func == (lhs: DashboardJSON, rhs: DashboardJSON) -> Bool { lhs.text == rhs.text }

    /// An object with keys sorted by Unicode scalar order.
    static func sorted(_ entries: [String: DashboardJSON]) -> DashboardJSON {
        .object(entries.keys.sorted(by: String.scalarOrder)
            .map { (key: $0, value: entries[$0]!) })
    }

    /// The pretty-printed text, ending with a line break.
    var text: String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case let .string(value): out += Self.quoted(value)
        case let .int(value): out += String(value)
        case let .number(value): out += NumberText.decimal(value)
        case let .bool(value): out += value ? "true" : "false"
        case .null: out += "null"
        case let .array(items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += indent + "  "
                item.write(into: &out, indent: indent + "  ")
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case let .object(entries):
            guard !entries.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, entry) in entries.enumerated() {
                out += indent + "  " + Self.quoted(entry.key) + ": "
                entry.value.write(into: &out, indent: indent + "  ")
                out += index == entries.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    static func quoted(_ string: String) -> String { JSONString.quoted(string) }
}
