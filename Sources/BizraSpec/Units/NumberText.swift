import Foundation

/// Locale-independent text for numbers that appear in outputs.
public enum NumberText {
    /// The shortest decimal text of a value, without exponent and without a trailing `.0`: 0.1, 95, 0.0008.
    public static func decimal(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.9f", locale: nil, value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
