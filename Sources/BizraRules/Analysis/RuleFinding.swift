import BizraSpec

extension Rule {
    /// A warning of this rule, for rules that are errors in one case and warnings in another (SLA004).
    func warning(_ message: String, at location: SourceLocation?, notes: [Finding.Note] = []) -> Finding {
        Finding(rule: Self.identifier, severity: .warning, message: message, at: location, notes: notes)
    }
}

extension Array where Element == String {
    /// `'a', 'b' and 'c'`.
    var quotedList: String {
        let quoted = map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
    }
}

/// A did-you-mean appended to a message: `; did you mean 'x'?`, or nothing.
func didYouMean(_ name: String, among candidates: [String]) -> String {
    DidYouMean.phrase(for: name, among: candidates).map { "; \($0)" } ?? ""
}
