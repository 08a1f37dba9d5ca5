/// A percentage from 0% to 100%: `70%`, `0.08%`. Kept exactly, in millionths of a percent.
public struct Percent: SpecUnit, Comparable {
    /// What a percentage looks like, for messages.
    public static let expected = "a percentage from 0% to 100% such as 70% or 0.08%"
    static let scale: Int64 = 1_000_000

    /// Millionths of a percent: 1% is 1,000,000.
    public var micropercent: Int64
    /// Why the Swift DSL literal this value was written as does not parse (the value is then a
    /// placeholder: 0%); nil for every value that parsed or was built.
    public internal(set) var invalidLiteral: UnitParseError?

    /// `value` percent: `Percent(70)` is 70%.
    public init(_ value: Double) { self.micropercent = Int64((value * Double(Percent.scale)).rounded()) }
    /// `.percent(70)` is 70%.
    public static func percent(_ value: Double) -> Percent { Percent(value) }

    /// Parses a percentage such as `70%` or `0.08%`: at most 100%, at most six decimals.
    public init(parsing text: String) throws(UnitParseError) {
        guard let (number, suffix) = DecimalText.split(text), suffix == "%" else {
            throw UnitParseError("'\(text)' is not \(Percent.expected)")
        }
        guard let value = DecimalText.scaled(number, by: Percent.scale) else {
            throw UnitParseError("'\(text)' has more than six decimals")
        }
        guard value <= 100 * Percent.scale else {
            throw UnitParseError("'\(text)' is above 100%")
        }
        self.micropercent = value
    }

    /// 70% is 70.
    public var value: Double { Double(micropercent) / Double(Percent.scale) }
    /// 70% is 0.7.
    public var fraction: Double { Double(micropercent) / Double(Percent.scale * 100) }
    /// 70% is 70 when whole: what autoscalers take.
    public var wholeValue: Int? { micropercent % Percent.scale == 0 ? Int(micropercent / Percent.scale) : nil }

    /// The percentage as written in a spec: `70%`, `0.08%`.
    public var description: String { "\(NumberText.decimal(value))%" }

    public static func < (lhs: Percent, rhs: Percent) -> Bool { lhs.micropercent < rhs.micropercent }
}
