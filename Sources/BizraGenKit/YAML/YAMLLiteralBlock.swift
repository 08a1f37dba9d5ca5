/// Literal block scalars (`|`): when one can hold a string, and its header and lines.
enum YAMLLiteralBlock {
    /// The indentation of block content relative to its parent, as the header's indicator digit states it.
    static let indentation = 2

    /// A literal block can hold the string when it has a non-empty line, no line ends in a
    /// space or tab, and no character would need an escape.
    static func canHold(_ string: String) -> Bool {
        let lines = split(string)
        guard lines.contains(where: { !$0.isEmpty }) else { return false }
        return lines.allSatisfy { line in
            line.last != " " && line.last != "\t" && line.allSatisfy { !YAMLDoubleQuoted.needsEscape($0) || $0 == "\t" }
        }
    }

    /// The header after the key or dash: `|`, then an indentation indicator when the first
    /// non-empty line starts with a space, then the chomping indicator.
    static func header(_ string: String) -> String {
        let lines = split(string)
        let firstContent = lines.first { !$0.isEmpty }
        let indicator = firstContent?.first == " " ? String(indentation) : ""
        let trailingNewlines = string.unicodeScalars.reversed().prefix { $0 == "\n" }.count
        let chomping = switch trailingNewlines {
        case 0: "-"
        case 1: ""
        default: "+"
        }
        return "|" + indicator + chomping
    }

    /// The content lines, without their line breaks: the string less one final line break, split at line breaks.
    static func lines(_ string: String) -> [String] {
        split(string).map { String(String.UnicodeScalarView($0)) }
    }

    private static func split(_ string: String) -> [ArraySlice<Unicode.Scalar>] {
        var scalars = Array(string.unicodeScalars)
        if scalars.last == "\n" { scalars.removeLast() }
        return scalars.split(separator: "\n", omittingEmptySubsequences: false)
    }
}
