/// CPU in millicores: `500m`, `"2"`, `0.5`.
public struct CPU: SpecUnit, Comparable {
    /// What a CPU amount looks like, for messages.
    public static let expected = "a CPU amount such as 500m or \"2\""

    /// The amount in millicores: 1000 is one core.
    public var millicores: Int64
    /// Why the Swift DSL literal this value was written as does not parse (the value is then a
    /// placeholder: no CPU); nil for every value that parsed or was built.
    public internal(set) var invalidLiteral: UnitParseError?

    /// An amount of `millicores` millicores.
    public init(millicores: Int64) { self.millicores = millicores }
    /// `n` millicores: `.millicores(500)` is `500m`.
    public static func millicores(_ n: Int64) -> CPU { CPU(millicores: n) }
    /// `n` whole cores: `.cores(2)` is `"2"`.
    public static func cores(_ n: Int64) -> CPU { CPU(millicores: n * 1_000) }

    /// Parses an amount such as `500m`, `"2"` or `0.5`, at most millicore-fine.
    public init(parsing text: String) throws(UnitParseError) {
        guard let (number, suffix) = DecimalText.split(text), suffix == "" || suffix == "m" else {
            throw UnitParseError("'\(text)' is not \(CPU.expected)")
        }
        guard let value = DecimalText.scaled(number, by: suffix == "m" ? 1 : 1_000) else {
            throw UnitParseError("'\(text)' is finer than a millicore")
        }
        guard value <= QuantityLimits.millicores else {
            throw UnitParseError("'\(text)' is more CPU than any platform needs (at most \(CPU(millicores: QuantityLimits.millicores)))")
        }
        self.millicores = value
    }

    /// The amount in cores.
    public var cores: Double { Double(millicores) / 1_000 }

    /// `"2"` for whole cores, `500m` otherwise, as Kubernetes writes it.
    public var description: String {
        millicores % 1_000 == 0 ? "\(millicores / 1_000)" : "\(millicores)m"
    }

    public static func < (lhs: CPU, rhs: CPU) -> Bool { lhs.millicores < rhs.millicores }
    /// Saturates instead of overflowing: a footprint summed over every replica stays a number.
    public static func + (lhs: CPU, rhs: CPU) -> CPU { CPU(millicores: lhs.millicores.addingSaturated(rhs.millicores)) }
    public static func * (lhs: CPU, rhs: Int64) -> CPU { CPU(millicores: lhs.millicores.multipliedSaturated(by: rhs)) }
}
