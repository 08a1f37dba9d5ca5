/// A PromQL expression that does not parse: what was wrong and where (1-based line and column
/// inside the expression text).
public struct PromQLSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public init(_ message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `column 12: unexpected ')'`, with the line when the expression has more than one.
    public var description: String {
        "\(SpecQuery.place(line: line, column: column)): \(message)"
    }
}

/// One token of PromQL.
struct PromQLToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case identifier
        case number
        case duration
        case string
        case punctuation
        case end
    }
    var kind: Kind
    /// The text as written (strings: their unquoted value).
    var text: String
    /// Offset in Unicode scalars from the start of the expression.
    var offset: Int
}

/// Splits a PromQL expression into tokens.
struct PromQLLexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    /// Inside `[...]` a `:` separates a subquery's range from its step rather than starting a name.
    private var bracketDepth = 0
    /// Where the last token ended: the end of the expression is reported there.
    private var lastTokenEnd = 0
    /// Offsets where each line starts, for line and column of an offset.
    private let lineStarts: [Int]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
        lineStarts = starts
    }

    /// 1-based line and column of an offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        let line = lineStarts.lastIndex { $0 <= offset } ?? 0
        return (line + 1, offset - lineStarts[line] + 1)
    }

    /// The syntax error at `offset`.
    func error(_ message: String, at offset: Int) -> PromQLSyntaxError {
        let (line, column) = position(of: offset)
        return PromQLSyntaxError(message, line: line, column: column)
    }

    static let twoCharacterPunctuation: Set<String> = ["==", "!=", "=~", "!~", ">=", "<="]
    static let punctuation: Set<Unicode.Scalar> = ["(", ")", "{", "}", "[", "]", ",", ":", "=", ">", "<",
                                                   "+", "-", "*", "/", "%", "^", "@"]
    static let durationUnits: Set<Unicode.Scalar> = ["s", "m", "h", "d", "w", "y"]

    mutating func tokens() throws(PromQLSyntaxError) -> [PromQLToken] {
        var result: [PromQLToken] = []
        while true {
            var token = try next()
            if token.kind == .end {
                token.offset = lastTokenEnd
                result.append(token)
                return result
            }
            lastTokenEnd = index
            if token.kind == .punctuation && token.text == "[" { bracketDepth += 1 }
            if token.kind == .punctuation && token.text == "]" { bracketDepth = max(0, bracketDepth - 1) }
            result.append(token)
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    private static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_" || s == ":"
    }

    private static func isDigit(_ s: Unicode.Scalar?) -> Bool { s.map { $0 >= "0" && $0 <= "9" } ?? false }

    private mutating func next() throws(PromQLSyntaxError) -> PromQLToken {
        while let s = peek(), s == " " || s == "\t" || s == "\n" || s == "\r" || s == "#" {
            if s == "#" {
                while let c = peek(), c != "\n" { index += 1 }
            } else {
                index += 1
            }
        }
        let start = index
        guard let s = peek() else { return PromQLToken(kind: .end, text: "", offset: start) }
        if s == ":" && bracketDepth > 0 {
            index += 1
            return PromQLToken(kind: .punctuation, text: ":", offset: start)
        }
        if Self.isIdentifierStart(s) {
            while let c = peek(), Self.isIdentifierStart(c) || Self.isDigit(c) { index += 1 }
            return PromQLToken(kind: .identifier, text: text(start, index), offset: start)
        }
        if Self.isDigit(s) || (s == "." && Self.isDigit(peek(1))) {
            return try number(start)
        }
        if s == "\"" || s == "'" || s == "`" {
            return try string(quote: s, start)
        }
        if let n = peek(1), Self.twoCharacterPunctuation.contains(String(s) + String(n)) {
            index += 2
            return PromQLToken(kind: .punctuation, text: String(s) + String(n), offset: start)
        }
        if Self.punctuation.contains(s) {
            index += 1
            return PromQLToken(kind: .punctuation, text: String(s), offset: start)
        }
        throw error("unexpected character '\(s)'", at: start)
    }

    /// Whether `scalars[range]` is a PromQL duration: one or more groups of digits and a unit
    /// (`ms`, `s`, `m`, `h`, `d`, `w`, `y`), as `([0-9]+(ms|[smhdwy]))+` matches it. A scan, not a
    /// regular expression: building that costs a millisecond in every process that lexes a query.
    static func isDuration(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var index = scalars.startIndex
        guard index < scalars.endIndex else { return false }
        while index < scalars.endIndex {
            let digits = index
            while index < scalars.endIndex, isDigit(scalars[index]) { index += 1 }
            guard index > digits, index < scalars.endIndex else { return false }
            // `m` then `s` can only be `ms`: a unit must be followed by digits or the end.
            if scalars[index] == "m", index + 1 < scalars.endIndex, scalars[index + 1] == "s" {
                index += 2
            } else if durationUnits.contains(scalars[index]) {
                index += 1
            } else {
                return false
            }
        }
        return true
    }

    /// A number (`0.95`, `1e3`, `0x1F`) or a duration (`5m`, `1h30m`, `250ms`).
    private mutating func number(_ start: Int) throws(PromQLSyntaxError) -> PromQLToken {
        if peek() == "0", let x = peek(1), x == "x" || x == "X" {
            index += 2
            while let c = peek(), c.properties.isASCIIHexDigit { index += 1 }
            return PromQLToken(kind: .number, text: text(start, index), offset: start)
        }
        while Self.isDigit(peek()) { index += 1 }
        if let unit = peek(), Self.durationUnits.contains(unit) {
            while Self.isDigit(peek()) || peek().map(Self.durationUnits.contains) == true { index += 1 }
            let written = text(start, index)
            guard Self.isDuration(scalars[start..<index]) else {
                throw error("'\(written)' is not a duration (use ms, s, m, h, d, w, y)", at: start)
            }
            return PromQLToken(kind: .duration, text: written, offset: start)
        }
        if peek() == "." {
            index += 1
            while Self.isDigit(peek()) { index += 1 }
        }
        if let e = peek(), e == "e" || e == "E" {
            index += 1
            if let sign = peek(), sign == "+" || sign == "-" { index += 1 }
            guard Self.isDigit(peek()) else { throw error("exponent without digits", at: index) }
            while Self.isDigit(peek()) { index += 1 }
        }
        if let c = peek(), Self.isIdentifierStart(c) {
            throw error("unexpected '\(c)' after the number \(text(start, index))", at: index)
        }
        return PromQLToken(kind: .number, text: text(start, index), offset: start)
    }

    private mutating func string(quote: Unicode.Scalar, _ start: Int) throws(PromQLSyntaxError) -> PromQLToken {
        index += 1
        var value = String.UnicodeScalarView()
        while let c = peek() {
            index += 1
            if c == quote { return PromQLToken(kind: .string, text: String(value), offset: start) }
            if c == "\\" && quote != "`", let escaped = peek() {
                index += 1
                switch escaped {
                case "n": value.append("\n")
                case "t": value.append("\t")
                default: value.append(escaped)
                }
            } else if c == "\n" && quote != "`" {
                break
            } else {
                value.append(c)
            }
        }
        throw error("string is not closed", at: start)
    }

    private func text(_ from: Int, _ to: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[from..<to])
        return String(view)
    }
}
