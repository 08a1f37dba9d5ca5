/// How serious a finding is: errors stop `build`, warnings only with `--warnings-as-errors`.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    /// Stops `build` only with `--warnings-as-errors`; a suppression of the spec may accept it.
    case warning
    /// Stops `build`; never suppressed.
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}
