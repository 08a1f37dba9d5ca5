/// An amount of memory or storage in bytes, written as a Kubernetes binary quantity: `512Mi`, `2Gi`.
public struct ByteSize: SpecUnit, Comparable {
    /// What a size looks like, for messages.
    public static let expected = "a size such as 512Mi, 2Gi or 20Gi"
    static let units: [(suffix: String, bytes: Int64)] = [
        ("", 1), ("Ki", 1 << 10), ("Mi", 1 << 20), ("Gi", 1 << 30), ("Ti", 1 << 40), ("Pi", 1 << 50),
        ("k", 1_000), ("M", 1_000_000), ("G", 1_000_000_000), ("T", 1_000_000_000_000),
    ]

    /// The size in bytes.
    public var bytes: Int64
    /// Why the Swift DSL literal this value was written as does not parse (the value is then a
    /// placeholder: 0 bytes); nil for every value that parsed or was built.
    public internal(set) var invalidLiteral: UnitParseError?

    /// A size of `bytes` bytes.
    public init(bytes: Int64) { self.bytes = bytes }
    /// `n` mebibytes: `.mebibytes(512)` is `512Mi`.
    public static func mebibytes(_ n: Int64) -> ByteSize { ByteSize(bytes: n << 20) }
    /// `n` gibibytes: `.gibibytes(2)` is `2Gi`.
    public static func gibibytes(_ n: Int64) -> ByteSize { ByteSize(bytes: n << 30) }

    /// Parses a quantity such as `512Mi` or `2Gi`; a bare number only when it is zero (any other is a forgotten unit).
    public init(parsing text: String) throws(UnitParseError) {
        guard let (number, suffix) = DecimalText.split(text),
              let unit = ByteSize.units.first(where: { $0.suffix == suffix }) else {
            throw UnitParseError("'\(text)' is not \(ByteSize.expected) (binary units Ki, Mi, Gi, Ti)")
        }
        // Kubernetes reads a bare number as bytes; in a spec it is nearly always a forgotten unit
        // (`memory: 512` meant 512Mi), so only zero may go without one.
        if unit.suffix.isEmpty, DecimalText.scaled(number, by: 1) != 0 {
            throw UnitParseError("'\(text)' has no unit, which would mean \(text) bytes; write \(text)Mi (or the unit meant: Ki, Mi, Gi, Ti)")
        }
        guard let bytes = DecimalText.scaled(number, by: unit.bytes) else {
            throw UnitParseError("'\(text)' is not a whole number of bytes")
        }
        guard bytes <= QuantityLimits.bytes else {
            throw UnitParseError("'\(text)' is larger than any platform needs (at most \(ByteSize(bytes: QuantityLimits.bytes)))")
        }
        self.bytes = bytes
    }

    /// The size in mebibytes (`Mi`).
    public var mebibytes: Double { Double(bytes) / Double(1 << 20) }

    /// `numerator / denominator` of this size, rounded down to a whole byte: exact, and without
    /// overflow at any size (for a fraction of at most one).
    public func fraction(_ numerator: Int64, _ denominator: Int64) -> ByteSize {
        ByteSize(bytes: bytes / denominator * numerator + bytes % denominator * numerator / denominator)
    }

    /// The Kubernetes quantity in the largest binary unit that divides it.
    public var description: String {
        if bytes == 0 { return "0" }
        for unit in ByteSize.units[0...5].reversed() where bytes % unit.bytes == 0 {
            return "\(bytes / unit.bytes)\(unit.suffix)"
        }
        return "\(bytes)"
    }

    /// Memory in the unit Redis and Varnish configuration files take (`2gb`, `512mb`, `64kb`).
    public var lowercaseDescription: String {
        for (suffix, unit) in [("gb", Int64(1 << 30)), ("mb", 1 << 20), ("kb", 1 << 10)] where bytes % unit == 0 {
            return "\(bytes / unit)\(suffix)"
        }
        return "\(bytes)"
    }

    public static func < (lhs: ByteSize, rhs: ByteSize) -> Bool { lhs.bytes < rhs.bytes }
    /// Saturates instead of overflowing: a footprint summed over every replica stays a number.
    public static func + (lhs: ByteSize, rhs: ByteSize) -> ByteSize { ByteSize(bytes: lhs.bytes.addingSaturated(rhs.bytes)) }
    public static func * (lhs: ByteSize, rhs: Int64) -> ByteSize { ByteSize(bytes: lhs.bytes.multipliedSaturated(by: rhs)) }
}
