/// A request rate: `10000rps` (per second) or `600rpm` (per minute), kept per second.
public struct Rate: SpecUnit, Comparable {
    /// What a rate looks like, for messages.
    public static let expected = "a rate such as 1000rps or 600rpm"

    /// The rate in requests per second.
    public var perSecond: Double
    /// Why the Swift DSL literal this value was written as does not parse (the value is then a
    /// placeholder: 0rps); nil for every value that parsed or was built.
    public internal(set) var invalidLiteral: UnitParseError?

    /// A rate of `perSecond` requests per second.
    public init(perSecond: Double) { self.perSecond = perSecond }
    /// `n` requests per second: `.perSecond(1000)` is `1000rps`.
    public static func perSecond(_ n: Double) -> Rate { Rate(perSecond: n) }
    /// `n` requests per minute: `.perMinute(600)` is `10rps`.
    public static func perMinute(_ n: Double) -> Rate { Rate(perSecond: n / 60) }

    /// Parses a rate such as `1000rps` or `600rpm`.
    public init(parsing text: String) throws(UnitParseError) {
        guard let (number, suffix) = DecimalText.split(text), suffix == "rps" || suffix == "rpm",
              let value = Double(number) else {
            throw UnitParseError("'\(text)' is not \(Rate.expected)")
        }
        let perSecond = suffix == "rps" ? value : value / 60
        guard perSecond <= QuantityLimits.requestsPerSecond else {
            throw UnitParseError("'\(text)' is a higher rate than any platform needs (at most \(Rate(perSecond: QuantityLimits.requestsPerSecond)))")
        }
        self.perSecond = perSecond
    }

    /// The rate per second: `1000rps`.
    public var description: String { "\(NumberText.decimal(perSecond))rps" }

    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.perSecond < rhs.perSecond }
}
