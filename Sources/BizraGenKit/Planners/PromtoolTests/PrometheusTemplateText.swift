import Foundation

/// What Prometheus prints when it expands an alert annotation, so that a generated
/// `promtool test rules` case can state the exact annotation an alert fires with.
///
/// Only the forms bizra-gen's own annotations use are expanded: `{{ $value }}` (Go's `%v` of a
/// float64) and `{{ $value | humanizePercentage }}` (`%.4g%%` of the value times 100). Any other
/// template is left as written, so a promtool test of an annotation using it fails loudly.
public enum PrometheusTemplateText {
    /// `text` with the value templates replaced by `value` as Prometheus prints it.
    public static func expand(_ text: String, value: Double) -> String {
        text.replacingOccurrences(of: "{{ $value | humanizePercentage }}", with: humanizePercentage(value))
            .replacingOccurrences(of: "{{ $value }}", with: goFloat(value))
    }

    /// Go's `fmt` `%v` of a float64: the shortest digits that read back as `value`, in `%e` form
    /// when the decimal exponent is below -4 or at least 6 (`0.2`, `95`, `1e-05`, `1.5e+06`).
    public static func goFloat(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let (digits, exponent) = shortestDigits(abs(value))
        let sign = value < 0 ? "-" : ""
        if exponent < -4 || exponent >= 6 {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let magnitude = abs(exponent)
            return "\(sign)\(mantissa)e\(exponent < 0 ? "-" : "+")\(magnitude < 10 ? "0" : "")\(magnitude)"
        }
        if exponent < 0 {
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        if digits.count <= exponent + 1 {
            return sign + digits + String(repeating: "0", count: exponent + 1 - digits.count)
        }
        let point = digits.index(digits.startIndex, offsetBy: exponent + 1)
        return sign + digits[..<point] + "." + digits[point...]
    }

    /// Prometheus' `humanizePercentage`: `%.4g%%` of `value * 100`.
    public static func humanizePercentage(_ value: Double) -> String {
        String(format: "%.4g", locale: nil, value * 100) + "%"
    }

    /// The shortest round-tripping significant digits of a positive finite value and its decimal exponent.
    static func shortestDigits(_ value: Double) -> (digits: String, exponent: Int) {
        // Swift's `description` is the shortest round-tripping text, in either `123.45` or `1.2345e-05` form.
        var text = value.description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...])!
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let integer = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        var digits = integer + fraction
        var pointPosition = integer.count + exponent   // digits before the decimal point
        while digits.hasPrefix("0"), digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.hasSuffix("0"), digits.count > 1 { digits.removeLast() }
        return (digits, pointPosition - 1)
    }
}
