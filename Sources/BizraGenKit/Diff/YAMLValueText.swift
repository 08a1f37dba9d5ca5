import Foundation

/// One-line text of a value for diff output: strings JSON-quoted, maps and lists in flow style.
public enum YAMLValueText {
    public static func inline(_ value: YAMLValue) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .int(let number): return String(number)
        case .double(let number): return number == number.rounded() && abs(number) < 1e15 ? String(format: "%.1f", number) : String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .list(let items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .map(let map): return "{" + map.entries.map { "\(quoted($0.key)): \(inline($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// A JSON-compatible value (for `--format json`), keys in the map's order dropped by JSON.
    public static func json(_ value: YAMLValue) -> Any {
        switch value {
        case .string(let text): return text
        case .int(let number): return number
        case .double(let number): return number
        case .bool(let flag): return flag
        case .null: return NSNull()
        case .list(let items): return items.map(json)
        case .map(let map):
            var object: [String: Any] = [:]
            for entry in map.entries { object[entry.key] = json(entry.value) }
            return object
        }
    }

    static func quoted(_ text: String) -> String { JSONString.quoted(text) }
}
