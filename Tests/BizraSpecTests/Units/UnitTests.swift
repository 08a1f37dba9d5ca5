import Testing
@testable import BizraSpec

@Suite struct DurationTests {
    @Test(arguments: [("150ms", 150), ("30s", 30_000), ("5m", 300_000), ("6h", 21_600_000), ("7d", 604_800_000), ("1.5s", 1_500)])
    func parses(text: String, milliseconds: Int64) throws {
        #expect(try TimeSpan(parsing: text).milliseconds == milliseconds)
    }

    @Test(arguments: ["5 minutes", "5", "m", "1.0005s", "-3s", ""])
    func refuses(text: String) {
        #expect(throws: UnitParseError.self) { try TimeSpan(parsing: text) }
    }

    @Test func canonicalText() {
        #expect(TimeSpan(milliseconds: 300_000).description == "5m")
        #expect(TimeSpan(milliseconds: 1_500).description == "1500ms")
        #expect(TimeSpan.hours(168).description == "7d")
        #expect(TimeSpan.hours(168).goDescription == "168h")
    }
}

@Suite struct ByteSizeTests {
    @Test func parsesBinaryUnits() throws {
        #expect(try ByteSize(parsing: "512Mi").bytes == 512 << 20)
        #expect(try ByteSize(parsing: "2Gi").description == "2Gi")
        #expect(try ByteSize(parsing: "1.5Gi").description == "1536Mi")
        #expect(try ByteSize(parsing: "0.5Ki").bytes == 512)
        #expect(try ByteSize(parsing: "2Gi").lowercaseDescription == "2gb")
    }

    @Test(arguments: ["2GB", "lots", "2 Gi x"])
    func refuses(text: String) {
        #expect(throws: UnitParseError.self) { try ByteSize(parsing: text) }
    }
}

@Suite struct CPUTests {
    @Test func parses() throws {
        #expect(try CPU(parsing: "500m").millicores == 500)
        #expect(try CPU(parsing: "2").description == "2")
        #expect(try CPU(parsing: "0.25").description == "250m")
        #expect(throws: UnitParseError.self) { try CPU(parsing: "2 cores") }
    }
}

@Suite struct PercentTests {
    @Test func parses() throws {
        #expect(try Percent(parsing: "70%").wholeValue == 70)
        #expect(try Percent(parsing: "0.08%").fraction == 0.0008)
        #expect(try Percent(parsing: "1%").description == "1%")
        #expect(throws: UnitParseError.self) { try Percent(parsing: "110%") }
        #expect(throws: UnitParseError.self) { try Percent(parsing: "70") }
    }
}

@Suite struct RateTests {
    @Test func parses() throws {
        #expect(try Rate(parsing: "10000rps").perSecond == 10_000)
        #expect(try Rate(parsing: "600rpm").perSecond == 10)
        #expect(throws: UnitParseError.self) { try Rate(parsing: "fast") }
    }
}

@Suite struct CronTests {
    @Test func parsesFields() throws {
        let weekly = try Cron(parsing: "0 2 * * 0")
        #expect(weekly.minutes == [0] && weekly.hours == [2] && weekly.daysOfWeek == [0])
        #expect(try Cron(parsing: "*/15 * * * *").minutes == [0, 15, 30, 45])
        #expect(try Cron(parsing: "0 9-17/4 * * mon-fri").hours == [9, 13, 17])
    }

    @Test(arguments: ["* * * *", "60 * * * *", "*/0 * * * *", "a b c d e", "5-1 * * * *"])
    func refuses(text: String) {
        #expect(throws: UnitParseError.self) { try Cron(parsing: text) }
    }

    @Test func longestGap() throws {
        #expect(try Cron(parsing: "*/15 * * * *").longestGap == .minutes(15))
        #expect(try Cron(parsing: "0 */6 * * *").longestGap == .hours(6))
        #expect(try Cron(parsing: "0 2 * * 0").longestGap == .hours(168))
        #expect(try Cron(parsing: "0 2 * * 3").longestGap == .hours(168), "a weekday schedule has no wrap-around gap")
        #expect(try Cron(parsing: "0 2,3 * * *").shortestGap == .hours(1))
        #expect(try Cron(parsing: "0 0 29 2 *").longestGap == .hours(24 * 1461))
        #expect(try Cron(parsing: "0 0 31 * *").longestGap == .hours(24 * 61))
    }
}
