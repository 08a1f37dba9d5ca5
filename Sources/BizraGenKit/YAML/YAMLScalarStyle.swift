/// How a string scalar is written.
///
/// The choice is made so that YAML 1.1 readers (PyYAML, go-yaml v2, so kubectl) and
/// YAML 1.2 core-schema readers all read the text back as the same string.
public enum YAMLScalarStyle: Equatable, Sendable {
    /// Unquoted.
    case plain
    /// In double quotes, with escapes.
    case doubleQuoted
    /// A literal block scalar (`|`, `|-`, `|+`), for multi-line strings.
    case literal

    /// The style for a mapping value or list item: a literal block when the string spans
    /// lines and a literal block can hold it, plain when plain is safe, double-quoted otherwise.
    public static func forValue(_ string: String) -> YAMLScalarStyle {
        var utf8 = string
        return utf8.withUTF8 { forValue($0, string) }
    }

    /// The style for a mapping key or any scalar that must stay on one line: plain or double-quoted.
    public static func forKey(_ string: String) -> YAMLScalarStyle {
        YAMLPlainScalar.isSafe(string) ? .plain : .doubleQuoted
    }

    /// `forValue(string)`, given the string's UTF-8 bytes.
    static func forValue(_ utf8: UnsafeBufferPointer<UInt8>, _ string: String) -> YAMLScalarStyle {
        if utf8.contains(UInt8(ascii: "\n")) {
            return YAMLLiteralBlock.canHold(utf8) ? .literal : .doubleQuoted
        }
        return YAMLPlainScalar.isSafe(utf8, string) ? .plain : .doubleQuoted
    }
}
