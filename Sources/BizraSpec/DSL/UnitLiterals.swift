import Foundation

/// Unit values written as literals in the Swift DSL: `"150ms"`, `"2Gi"`, `"500m"`, `"70%"`.
/// The typed constructors (`.milliseconds(150)`, `.gibibytes(2)`, `.millicores(500)`,
/// `.percent(70)`, `.perSecond(1000)`) cannot be wrong; a literal can. One that does not parse
/// gives a placeholder that remembers why (``invalidLiteral``): `SpecChecker` reports it as
/// SPEC002 at the initialiser that holds it, with every other one, and nothing is planned from it.
public protocol SpecUnitLiteral: SpecUnit, ExpressibleByStringLiteral where StringLiteralType == String {
    /// Why the literal this value was written as does not parse; nil for every valid value.
    var invalidLiteral: UnitParseError? { get }
    /// The placeholder of a literal that does not parse.
    init(invalidLiteral: UnitParseError)
}

extension SpecUnitLiteral {
    /// Parses the literal; one that does not parse gives the placeholder of ``init(invalidLiteral:)``.
    public init(stringLiteral text: String) {
        do {
            try self.init(parsing: text)
        } catch {
            self.init(invalidLiteral: error)
        }
    }
}

extension TimeSpan: SpecUnitLiteral {
    /// The placeholder 0ms, which remembers why its literal does not parse.
    public init(invalidLiteral: UnitParseError) {
        self.init(milliseconds: 0)
        self.invalidLiteral = invalidLiteral
        InvalidLiteralRecord.note()
    }
}

extension ByteSize: SpecUnitLiteral {
    /// The placeholder 0 bytes, which remembers why its literal does not parse.
    public init(invalidLiteral: UnitParseError) {
        self.init(bytes: 0)
        self.invalidLiteral = invalidLiteral
        InvalidLiteralRecord.note()
    }
}

extension CPU: SpecUnitLiteral {
    /// The placeholder of no CPU, which remembers why its literal does not parse.
    public init(invalidLiteral: UnitParseError) {
        self.init(millicores: 0)
        self.invalidLiteral = invalidLiteral
        InvalidLiteralRecord.note()
    }
}

extension Percent: SpecUnitLiteral {
    /// The placeholder 0%, which remembers why its literal does not parse.
    public init(invalidLiteral: UnitParseError) {
        self.init(0)
        self.invalidLiteral = invalidLiteral
        InvalidLiteralRecord.note()
    }
}

extension Rate: SpecUnitLiteral {
    /// The placeholder 0rps, which remembers why its literal does not parse.
    public init(invalidLiteral: UnitParseError) {
        self.init(perSecond: 0)
        self.invalidLiteral = invalidLiteral
        InvalidLiteralRecord.note()
    }
}

extension Cron: SpecUnitLiteral {
    /// The placeholder of an empty schedule that never fires, which remembers why its literal does not parse.
    public init(invalidLiteral: UnitParseError) {
        expression = ""
        (minutes, hours, daysOfMonth, months, daysOfWeek) = ([], [], [], [], [])
        (restrictsDayOfMonth, restrictsDayOfWeek) = (false, false)
        self.invalidLiteral = invalidLiteral
        InvalidLiteralRecord.note()
    }
}

/// Whether this process ever made the placeholder of an invalid literal. When it did not, no spec
/// holds one, and the checker skips the walk that looks for them (a reflection over the whole
/// spec, which a YAML spec, whose units the loader parses, never needs).
public enum InvalidLiteralRecord {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var created = false

    static func note() { lock.withLock { created = true } }

    /// Whether any invalid literal's placeholder exists (or existed) in this process.
    public static var anyCreated: Bool { lock.withLock { created } }
}
