import BizraSpec

/// The spacing of a cron schedule's runs over a whole 4-year cycle (leap year included).
public enum CronInterval {
    /// The longest time between two runs (what a backup leaves uncovered).
    public static func longest(_ cron: Cron) -> Duration? { cron.longestGap }

    /// The shortest time between two runs (what a job must finish within to never overlap itself).
    public static func shortest(_ cron: Cron) -> Duration? {
        var first: Int?, previous: Int?, shortest = Int.max
        var minuteOfCycle = 0
        var weekday = 4 // 1 January 1970 was a Thursday
        let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let minutes = cron.minutes.sorted(), hours = cron.hours.sorted()
        for year in 0..<4 {
            for month in 1...12 {
                let days = monthLengths[month - 1] + (month == 2 && year == 2 ? 1 : 0)
                for day in 1...days {
                    if cron.months.contains(month) && firesOn(cron, day: day, weekday: weekday) {
                        for hour in hours {
                            for minute in minutes {
                                let at = minuteOfCycle + hour * 60 + minute
                                if let p = previous { shortest = min(shortest, at - p) } else { first = at }
                                previous = at
                            }
                        }
                    }
                    minuteOfCycle += 1_440
                    weekday = (weekday + 1) % 7
                }
            }
        }
        // The wrap from the cycle's end to its start is not a real gap (4 years are not whole weeks);
        // every real gap occurs inside the cycle. A schedule firing once in 4 years has only the wrap.
        guard let first, let previous else { return nil }
        if shortest == Int.max { shortest = minuteOfCycle - previous + first }
        return Duration.minutes(Int64(shortest))
    }

    /// Cron's day rule: both day fields restricted means either matches; otherwise both must.
    private static func firesOn(_ cron: Cron, day: Int, weekday: Int) -> Bool {
        let dom = cron.daysOfMonth.contains(day), dow = cron.daysOfWeek.contains(weekday)
        return cron.restrictsDayOfMonth && cron.restrictsDayOfWeek ? dom || dow : dom && dow
    }
}
