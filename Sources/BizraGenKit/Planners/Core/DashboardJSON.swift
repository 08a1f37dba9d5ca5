import BizraSpec

/// A JSON value for dashboards, written deterministically: object keys keep their given order
/// (or are sorted), numbers never use exponents, two-space indentation, LF line ends.
enum DashboardJSON: Equatable, Sendable {
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
        var out = UTF8Buffer()
        write(into: &out, indent: 0)
        out.write(UInt8(ascii: "\n"))
        return out.text
    }

    private func write(into out: inout UTF8Buffer, indent: Int) {
        switch self {
        case let .string(value): JSONString.literal.write(value, into: &out)
        case let .int(value): out.write(String(value))
        case let .number(value): out.write(NumberText.decimal(value))
        case let .bool(value): out.write(value ? "true" : "false")
        case .null: out.write("null")
        case let .array(items):
            guard !items.isEmpty else { out.write("[]"); return }
            out.write("[\n")
            for (index, item) in items.enumerated() {
                out.writeSpaces(indent + 2)
                item.write(into: &out, indent: indent + 2)
                out.write(index == items.count - 1 ? "\n" : ",\n")
            }
            out.writeSpaces(indent)
            out.write(UInt8(ascii: "]"))
        case let .object(entries):
            guard !entries.isEmpty else { out.write("{}"); return }
            out.write("{\n")
            for (index, entry) in entries.enumerated() {
                out.writeSpaces(indent + 2)
                JSONString.literal.write(entry.key, into: &out)
                out.write(": ")
                entry.value.write(into: &out, indent: indent + 2)
                out.write(index == entries.count - 1 ? "\n" : ",\n")
            }
            out.writeSpaces(indent)
            out.write(UInt8(ascii: "}"))
        }
    }
}
