/// A warning the team accepts, with why: `suppressions:` entries of the spec. Only warnings are
/// suppressed (an error is fixed, never accepted); a suppression that matches no warning is
/// itself a warning (SPEC009), so that accepted findings do not outlive their cause.
public struct Suppression: Equatable, Sendable {
    /// The rule whose warnings are accepted: `CACHE004`.
    public var rule: String
    /// Where, as a path into the spec (`caching.redis`, `services.web.autoscaling`: list items by
    /// name); nil: everywhere.
    public var at: String?
    /// Why the warning is accepted; required.
    public var reason: String
    /// The lines of the spec `at` names, in each file that writes part of it (an environment
    /// overlay adds to the base's), when the spec was read from files.
    public var regions: [SourceRegion] = []
    /// Where the suppression and each of its keys were written.
    public var source: SourceMap

    /// A suppression, located at the place of the call.
    public init(rule: String, at: String? = nil, reason: String,
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) {
        self.source = SourceMap(fileID: fileID, line: line, column: column)
        self.rule = rule
        self.at = at
        self.reason = reason
    }

    /// What this suppression accepts in `spec`, resolved once for a whole run.
    public func scope(in spec: Spec) -> Scope {
        // A suppression written in Swift has no lines: `at` names a part of the value instead.
        let places = at != nil && regions.isEmpty ? (try? spec.locations(at: at!).get()) ?? [] : []
        return Scope(rule: rule, everywhere: at == nil, regions: regions, places: places)
    }

    /// The findings a suppression accepts: its rule's, everywhere, or inside the part `at` names.
    public struct Scope: Sendable {
        let rule: String
        let everywhere: Bool
        /// The lines of `at` (YAML).
        let regions: [SourceRegion]
        /// The places written in Swift inside the value `at` names.
        let places: Set<SourceLocation>

        /// Whether a finding of `rule` at `location` is one the suppression accepts.
        public func covers(rule: String, at location: SourceLocation?) -> Bool {
            guard rule == self.rule else { return false }
            guard !everywhere else { return true }
            guard let location else { return false }
            return places.contains(location) || regions.contains { $0.contains(location) }
        }
    }

    /// Equal when rule, place and reason are: where it was written, and the lines `at` spans,
    /// are the front end's, not the spec's.
    public static func == (lhs: Suppression, rhs: Suppression) -> Bool {
        lhs.rule == rhs.rule && lhs.at == rhs.at && lhs.reason == rhs.reason
    }
}

/// Whole lines of one file: the extent of a part of the spec.
public struct SourceRegion: Equatable, Sendable {
    /// The file, as the user named it.
    public var file: String
    /// Its 1-based lines, first to last.
    public var lines: ClosedRange<Int>

    /// The lines `lines` of `file`.
    public init(file: String, lines: ClosedRange<Int>) {
        self.file = file
        self.lines = lines
    }

    /// Whether `location` lies on one of these lines of this file.
    public func contains(_ location: SourceLocation) -> Bool { location.file == file && lines.contains(location.line) }
}
