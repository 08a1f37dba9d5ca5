/// A span of time, kept in whole milliseconds: `150ms`, `30s`, `5m`, `6h`, `7d`.
public struct TimeSpan: SpecUnit, Comparable {
    /// What a duration looks like, for messages.
    public static let expected = "a duration such as 150ms, 30s, 5m, 6h or 7d"
    static let units: [(suffix: String, milliseconds: Int64)] = [
        ("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000),
    ]

    /// The span in milliseconds.
    public var milliseconds: Int64
    /// Why the Swift DSL literal this value was written as does not parse (the value is then a
    /// placeholder: 0ms); nil for every value that parsed or was built.
    public internal(set) var invalidLiteral: UnitParseError?

    /// A span of `milliseconds` milliseconds.
    public init(milliseconds: Int64) { self.milliseconds = milliseconds }
    /// `ms` milliseconds: `.milliseconds(150)` is `150ms`.
    public static func milliseconds(_ ms: Int64) -> TimeSpan { TimeSpan(milliseconds: ms) }
    /// `s` seconds: `.seconds(30)` is `30s`.
    public static func seconds(_ s: Int64) -> TimeSpan { TimeSpan(milliseconds: s * 1_000) }
    /// `m` minutes: `.minutes(5)` is `5m`.
    public static func minutes(_ m: Int64) -> TimeSpan { TimeSpan(milliseconds: m * 60_000) }
    /// `h` hours: `.hours(6)` is `6h`.
    public static func hours(_ h: Int64) -> TimeSpan { TimeSpan(milliseconds: h * 3_600_000) }
    /// `d` days: `.days(7)` is `7d`.
    public static func days(_ d: Int64) -> TimeSpan { TimeSpan(milliseconds: d * 86_400_000) }

    /// Parses a duration such as `150ms`, `30s`, `5m`, `6h` or `7d`, a whole number of milliseconds.
    public init(parsing text: String) throws(UnitParseError) {
        guard let (number, suffix) = DecimalText.split(text),
              let unit = TimeSpan.units.first(where: { $0.suffix == suffix }) else {
            throw UnitParseError("'\(text)' is not \(TimeSpan.expected)")
        }
        guard let ms = DecimalText.scaled(number, by: unit.milliseconds) else {
            throw UnitParseError("'\(text)' is not a whole number of milliseconds")
        }
        guard ms <= QuantityLimits.durationMilliseconds else {
            throw UnitParseError("'\(text)' is longer than any platform needs (at most \(TimeSpan(milliseconds: QuantityLimits.durationMilliseconds)))")
        }
        self.milliseconds = ms
    }

    /// The span in seconds.
    public var seconds: Double { Double(milliseconds) / 1_000 }

    /// The canonical text in the largest unit that divides it (`300000ms` is `5m`); Prometheus and Go accept it.
    public var description: String {
        if milliseconds == 0 { return "0s" }
        for unit in TimeSpan.units.reversed() where milliseconds % unit.milliseconds == 0 {
            return "\(milliseconds / unit.milliseconds)\(unit.suffix)"
        }
        return "\(milliseconds)ms"
    }

    /// Text without days, for tools whose durations stop at hours (Go's time.ParseDuration).
    public var goDescription: String {
        if milliseconds % 86_400_000 == 0 && milliseconds > 0 { return "\(milliseconds / 3_600_000)h" }
        return description
    }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.milliseconds < rhs.milliseconds }
    /// Saturates instead of overflowing, as the other unit operators do.
    public static func + (lhs: TimeSpan, rhs: TimeSpan) -> TimeSpan {
        TimeSpan(milliseconds: lhs.milliseconds.addingSaturated(rhs.milliseconds))
    }
    public static func * (lhs: TimeSpan, rhs: Int64) -> TimeSpan { TimeSpan(milliseconds: lhs.milliseconds.multipliedSaturated(by: rhs)) }
}
