/// A five-field cron schedule (minute hour day-of-month month day-of-week), parsed into the
/// values each field allows, so that checks can reason about it.
public struct Cron: SpecUnit {
    public static let expected = "a cron schedule of five fields such as \"*/15 * * * *\" or \"0 2 * * 0\""

    /// One field's name, range and accepted names.
    struct Field: Sendable {
        let name: String
        let range: ClosedRange<Int>
        let names: [String]
    }

    static let fields: [Field] = [
        Field(name: "minute", range: 0...59, names: []),
        Field(name: "hour", range: 0...23, names: []),
        Field(name: "day of month", range: 1...31, names: []),
        Field(name: "month", range: 1...12,
              names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        Field(name: "day of week", range: 0...7, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ]

    /// The schedule as written, normalised to single spaces.
    public let expression: String
    public let minutes: Set<Int>
    public let hours: Set<Int>
    public let daysOfMonth: Set<Int>
    public let months: Set<Int>
    /// 0 is Sunday; 7 is folded into 0.
    public let daysOfWeek: Set<Int>
    /// Whether day of month or day of week was restricted (cron then matches either).
    public let restrictsDayOfMonth: Bool
    public let restrictsDayOfWeek: Bool

    public init(parsing text: String) throws(UnitParseError) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 5 else {
            throw UnitParseError("'\(text)' has \(parts.count) field\(parts.count == 1 ? "" : "s"); \(Cron.expected)")
        }
        var sets: [Set<Int>] = []
        for (part, field) in zip(parts, Cron.fields) {
            sets.append(try Cron.parse(part, field))
        }
        expression = parts.joined(separator: " ")
        minutes = sets[0]
        hours = sets[1]
        daysOfMonth = sets[2]
        months = sets[3]
        daysOfWeek = Set(sets[4].map { $0 == 7 ? 0 : $0 })
        restrictsDayOfMonth = parts[2] != "*"
        restrictsDayOfWeek = parts[4] != "*"
    }

    public var description: String { expression }

    public static func == (lhs: Cron, rhs: Cron) -> Bool { lhs.expression == rhs.expression }
    public func hash(into hasher: inout Hasher) { hasher.combine(expression) }

    private static func parse(_ part: String, _ field: Field) throws(UnitParseError) -> Set<Int> {
        var values = Set<Int>()
        for item in part.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = item.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { throw invalid(part, field) }
            var step = 1
            if pieces.count == 2 {
                guard let s = Int(pieces[1]), s > 0 else { throw invalid(part, field) }
                step = s
            }
            var low = field.range.lowerBound, high = field.range.upperBound
            if pieces[0] != "*" {
                let bounds = pieces[0].split(separator: "-", omittingEmptySubsequences: false)
                guard bounds.count <= 2 else { throw invalid(part, field) }
                low = try value(bounds[0], field, part)
                high = bounds.count == 2 ? try value(bounds[1], field, part) : (pieces.count == 2 ? field.range.upperBound : low)
                guard low <= high else { throw invalid(part, field) }
            }
            values.formUnion(stride(from: low, through: high, by: step))
        }
        return values
    }

    private static func value(_ text: Substring, _ field: Field, _ part: String) throws(UnitParseError) -> Int {
        if let n = Int(text) {
            guard field.range.contains(n) else {
                throw UnitParseError("\(field.name) '\(part)' is outside \(field.range.lowerBound)-\(field.range.upperBound)")
            }
            return n
        }
        if let index = field.names.firstIndex(of: text.lowercased()) {
            return field.range.lowerBound + index
        }
        throw invalid(part, field)
    }

    private static func invalid(_ part: String, _ field: Field) -> UnitParseError {
        UnitParseError("\(field.name) '\(part)' is not a cron field (use *, n, a-b, */n, a-b/n or lists)")
    }
}

extension Cron {
    /// Whether the schedule fires at the given minute of a proleptic calendar day.
    func fires(minute: Int, hour: Int, day: Int, month: Int, weekday: Int) -> Bool {
        guard minutes.contains(minute), hours.contains(hour), months.contains(month) else { return false }
        let dom = daysOfMonth.contains(day), dow = daysOfWeek.contains(weekday)
        if restrictsDayOfMonth && restrictsDayOfWeek { return dom || dow }
        return dom && dow
    }

    /// Calls `body` with each run's minute, counted from 1970-01-01 00:00, over the eight years
    /// 1970–1977: two leap days and every weekday on every date, so every gap a schedule can
    /// have between two runs occurs inside the window and no wrap-around is needed.
    func forEachRun(_ body: (Int) -> Void) {
        let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let sortedHours = hours.sorted(), sortedMinutes = minutes.sorted()
        var dayStart = 0
        var weekday = 4 // 1 January 1970 was a Thursday
        for year in 1970...1977 {
            for month in 1...12 {
                let days = monthLengths[month - 1] + (month == 2 && year % 4 == 0 ? 1 : 0)
                for day in 1...days {
                    if months.contains(month) && (daysOfMonth.contains(day) || daysOfWeek.contains(weekday)) {
                        for hour in sortedHours {
                            for minute in sortedMinutes
                            where fires(minute: minute, hour: hour, day: day, month: month, weekday: weekday) {
                                body(dayStart + hour * 60 + minute)
                            }
                        }
                    }
                    dayStart += 1_440
                    weekday = (weekday + 1) % 7
                }
            }
        }
    }

    /// The longest and shortest time between two consecutive runs, nil when it runs fewer than twice in eight years.
    private var gaps: (longest: Duration, shortest: Duration)? {
        var previous: Int?, longest = 0, shortest = Int.max
        forEachRun { at in
            if let previous {
                longest = max(longest, at - previous)
                shortest = min(shortest, at - previous)
            }
            previous = at
        }
        guard shortest != Int.max else { return nil }
        return (Duration.minutes(Int64(longest)), Duration.minutes(Int64(shortest)))
    }

    /// The longest time between two consecutive runs: what a backup schedule risks losing.
    public var longestGap: Duration? { gaps?.longest }

    /// The shortest time between two consecutive runs: what a job must finish within to never overlap itself.
    public var shortestGap: Duration? { gaps?.shortest }
}
