/// Why a unit value did not parse; the loader turns it into a located SPEC002 finding.
public struct UnitParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the text, for the finding.
    public var message: String
    /// An error saying `message`.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// A value with a unit, written as text in the spec (`150ms`, `2Gi`, `70%`) and parsed once at load.
public protocol SpecUnit: Hashable, Sendable, CustomStringConvertible {
    /// What the unit looks like, for messages: "a duration such as 150ms, 30s, 5m, 6h or 7d".
    static var expected: String { get }
    /// Parses the unit from its spec text, or says why it cannot.
    init(parsing text: String) throws(UnitParseError)
}

enum DecimalText {
    /// Splits `12.5Gi` into (12.5 as exact thousandths-safe Double, "Gi").
    static func split(_ text: String) -> (number: String, suffix: Substring)? {
        let trimmed = text.trimmingCharacters(in: " ")
        let bytes = trimmed.utf8
        var end = bytes.startIndex
        var sawDigit = false, sawDot = false
        while end < bytes.endIndex {
            let byte = bytes[end]
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                sawDigit = true
            } else if byte == UInt8(ascii: ".") && !sawDot {
                sawDot = true
            } else {
                break
            }
            end = bytes.index(after: end)
        }
        guard sawDigit else { return nil }
        return (String(trimmed[..<end]), trimmed[end...])
    }

    /// The exact value of a decimal string scaled by `scale`, when it is a whole number.
    static func scaled(_ number: String, by scale: Int64) -> Int64? {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])) else { return nil }
        let (total, overflow) = whole.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        guard parts.count == 2 else { return total }
        let digits = String(parts[1].reversed().drop { $0 == "0" }.reversed())
        guard !digits.isEmpty else { return total }
        guard digits.count <= 9, let fraction = Int64(digits) else { return nil }
        var denominator: Int64 = 1
        for _ in 0..<digits.count { denominator *= 10 }
        let (product, productOverflow) = fraction.multipliedReportingOverflow(by: scale)
        guard !productOverflow, product % denominator == 0 else { return nil }
        let (sum, sumOverflow) = total.addingReportingOverflow(product / denominator)
        return sumOverflow ? nil : sum
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> Substring {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return s
    }
}
