/// One diagnostic: a rule, where it applies, what is wrong, and notes pointing at related places.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
    /// A secondary message, usually pointing at the other end of a reference or at the SLA target involved.
    public struct Note: Hashable, Sendable {
        /// What the note says.
        public var message: String
        /// Where it points; nil: nowhere in particular.
        public var location: SourceLocation?

        /// A note saying `message`, pointing at `location`.
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    /// The rule identifier, e.g. `SPEC001`.
    public var rule: String
    /// How serious it is (default error).
    public var severity: Severity
    /// What is wrong.
    public var message: String
    /// Where it applies; nil: the spec as a whole.
    public var location: SourceLocation?
    /// Notes pointing at related places.
    public var notes: [Note]
    /// The reason the spec gives for accepting this warning, when a suppression matches it.
    public var suppression: String?

    /// A finding of `rule` at `location`.
    public init(rule: String, severity: Severity = .error, message: String,
                at location: SourceLocation?, notes: [Note] = []) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// The last note of a suppressed warning: the reason the spec gives.
    public var suppressionNote: String? { suppression.map { "accepted in the spec's suppressions: \($0)" } }

    /// `FILE:LINE:COL: error[RULE]: message`, then one `note:` line per note.
    /// A suppressed warning reads `suppressed warning[RULE]` and ends with its reason.
    public var description: String {
        let label = suppression == nil ? severity.rawValue : "suppressed \(severity.rawValue)"
        var lines = ["\(location.map { "\($0): " } ?? "")\(label)[\(rule)]: \(message)"]
        for note in notes {
            lines.append("\(note.location.map { "\($0): " } ?? "")note: \(note.message)")
        }
        if let suppressionNote { lines.append("note: \(suppressionNote)") }
        return lines.joined(separator: "\n")
    }
}

extension Array where Element == Finding {
    /// Findings in a stable order: by file, line, column, then rule and message.
    public func sortedByLocation() -> [Finding] {
        sorted { lhs, rhs in
            let l = lhs.location ?? SourceLocation(file: "", line: 0, column: 0)
            let r = rhs.location ?? SourceLocation(file: "", line: 0, column: 0)
            if l != r { return l < r }
            if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
            return lhs.message < rhs.message
        }
    }

    /// Errors.
    public var errorCount: Int { filter { $0.severity == .error }.count }
    /// Warnings no suppression accepts.
    public var warningCount: Int { filter { $0.severity == .warning && $0.suppression == nil }.count }
    /// Warnings a suppression of the spec accepts.
    public var suppressedCount: Int { filter { $0.suppression != nil }.count }
    /// The findings that count: every error, and the warnings no suppression accepts.
    public var unsuppressed: [Finding] { filter { $0.suppression == nil } }
}

/// A single finding can stop a step on its own (the YAML reader refuses at the first).
extension Finding: Error {}
