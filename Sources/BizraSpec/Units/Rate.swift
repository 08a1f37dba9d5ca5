/// A request rate: `10000rps` (per second) or `600rpm` (per minute), kept per second.
public struct Rate: SpecUnit, Comparable {
    public static let expected = "a rate such as 1000rps or 600rpm"

    public var perSecond: Double
    /// Why the Swift DSL literal this value was written as does not parse (the value is then a
    /// placeholder: 0rps); nil for every value that parsed or was built.
    public internal(set) var invalidLiteral: UnitParseError?

    public init(perSecond: Double) { self.perSecond = perSecond }
    public static func perSecond(_ n: Double) -> Rate { Rate(perSecond: n) }
    public static func perMinute(_ n: Double) -> Rate { Rate(perSecond: n / 60) }

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

    public var description: String { "\(NumberText.decimal(perSecond))rps" }

    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.perSecond < rhs.perSecond }
}
