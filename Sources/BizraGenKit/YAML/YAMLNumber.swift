/// Numbers as YAML text, independent of locale.
enum YAMLNumber {
    /// The shortest decimal that reads back as `value`, never in exponent notation, with at
    /// least one fractional digit (`1.0`, `0.0001`); `.inf`, `-.inf` and `.nan` for the non-finite.
    static func text(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        let description = value.description
        guard let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return description.contains(".") ? description : description + ".0"
        }
        let negative = description.hasPrefix("-")
        let mantissa = description[..<e].drop { $0 == "-" }
        let exponent = Int(description[description.index(after: e)...])!
        let pointOffset = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        var digits = mantissa.filter { $0 != "." }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        let point = pointOffset + exponent
        let body: String
        if point <= 0 {
            body = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            body = digits + String(repeating: "0", count: point - digits.count) + ".0"
        } else {
            let split = digits.index(digits.startIndex, offsetBy: point)
            body = String(digits[..<split]) + "." + String(digits[split...])
        }
        return (negative ? "-" : "") + body
    }
}
