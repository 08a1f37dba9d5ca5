/// A five-field cron schedule (minute hour day-of-month month day-of-week), parsed into the
/// values each field allows, so that checks can reason about it.
public struct Cron: SpecUnit {
    /// What a cron schedule looks like, for messages.
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
    /// The minutes (0-59) it fires at.
    public let minutes: Set<Int>
    /// The hours (0-23) it fires at.
    public let hours: Set<Int>
    /// The days of the month (1-31) it fires on.
    public let daysOfMonth: Set<Int>
    /// The months (1-12) it fires in.
    public let months: Set<Int>
    /// 0 is Sunday; 7 is folded into 0.
    public let daysOfWeek: Set<Int>
    /// Whether day of month or day of week was restricted (cron then matches either).
    public let restrictsDayOfMonth: Bool
    /// Whether the day of week was restricted.
    public let restrictsDayOfWeek: Bool
    /// Why the Swift DSL literal this value was written as does not parse (the value is then a
    /// placeholder: an empty schedule that never fires); nil for every value that parsed or was built.
    public internal(set) var invalidLiteral: UnitParseError?

    /// Parses five fields (minute hour day-of-month month day-of-week), each `*`, `n`, `a-b`, `*/n`,
    /// `a-b/n` or a list of them; months and weekdays also by name.
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

    /// The expression, normalised to single spaces.
    public var description: String { expression }

    public static func == (lhs: Cron, rhs: Cron) -> Bool {
        lhs.expression == rhs.expression && lhs.invalidLiteral == rhs.invalidLiteral
    }
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
    /// Whether the schedule fires on that day at all (then at every one of its hours and minutes).
    func firesOn(day: Int, month: Int, weekday: Int) -> Bool {
        guard months.contains(month) else { return false }
        let dom = daysOfMonth.contains(day), dow = daysOfWeek.contains(weekday)
        return restrictsDayOfMonth && restrictsDayOfWeek ? dom || dow : dom && dow
    }

    /// The longest and shortest time between two consecutive runs over the eight years 1970–1977:
    /// two leap days and every weekday on every date, so every gap a schedule can have occurs
    /// inside the window and no wrap-around is needed. Nil when it runs fewer than twice.
    /// A firing day runs at the same minutes, so each day costs one step, not one per run.
    private var gaps: (longest: TimeSpan, shortest: TimeSpan)? {
        let times = hours.sorted().flatMap { hour in minutes.sorted().map { hour * 60 + $0 } }
        guard let firstTime = times.first, let lastTime = times.last else { return nil }
        let withinDay = zip(times, times.dropFirst()).map { $1 - $0 }
        let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var previous: Int?, longest = withinDay.max() ?? 0, shortest = withinDay.min() ?? Int.max
        var dayStart = 0, weekday = 4 // 1 January 1970 was a Thursday
        var runs = 0
        for year in 1970...1977 {
            for month in 1...12 {
                for day in 1...(monthLengths[month - 1] + (month == 2 && year % 4 == 0 ? 1 : 0)) {
                    if firesOn(day: day, month: month, weekday: weekday) {
                        if let previous {
                            longest = max(longest, dayStart + firstTime - previous)
                            shortest = min(shortest, dayStart + firstTime - previous)
                        }
                        previous = dayStart + lastTime
                        runs += times.count
                    }
                    dayStart += 1_440
                    weekday = (weekday + 1) % 7
                }
            }
        }
        guard runs >= 2 else { return nil }
        return (TimeSpan.minutes(Int64(longest)), TimeSpan.minutes(Int64(shortest)))
    }

    /// The longest time between two consecutive runs: what a backup schedule risks losing.
    public var longestGap: TimeSpan? { gaps?.longest }

    /// The shortest time between two consecutive runs: what a job must finish within to never overlap itself.
    public var shortestGap: TimeSpan? { gaps?.shortest }
}
