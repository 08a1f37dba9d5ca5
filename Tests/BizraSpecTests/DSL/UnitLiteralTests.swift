import Testing
import BizraSpec

/// A unit literal of the DSL parses as the YAML value does; one that does not parse is a value
/// that remembers why, never a trap.
@Suite struct UnitLiteralTests {
    @Test func typedConstructorsEqualTheLiterals() {
        #expect(TimeSpan.milliseconds(100) == "100ms")
        #expect(TimeSpan.seconds(5) == "5s")
        #expect(TimeSpan.days(7) == "7d")
        #expect(ByteSize.gibibytes(2) == "2Gi")
        #expect(ByteSize.mebibytes(512) == "512Mi")
        #expect(CPU.millicores(500) == "500m")
        #expect(CPU.cores(2) == "2")
        #expect(Percent.percent(70) == "70%")
        #expect(Rate.perSecond(1000) == "1000rps")
        #expect(Rate.perMinute(600) == "600rpm")
    }

    @Test func validLiteralsCompareAndHashAsBefore() {
        let fast: TimeSpan = "150ms", slow: TimeSpan = "1s"
        #expect(fast < slow && fast.invalidLiteral == nil)
        #expect(Set<TimeSpan>(["150ms", .milliseconds(150)]).count == 1)
        #expect(Cron("*/15 * * * *") == Cron("*/15  * * * *"))
    }

    @Test func anInvalidLiteralRemembersWhyAndEqualsNoValidValue() {
        let latency: TimeSpan = "100 ms"
        #expect(latency.invalidLiteral?.message == "'100 ms' is not \(TimeSpan.expected)")
        #expect(latency != .milliseconds(0))
        let memory: ByteSize = "2GB"
        #expect(memory.invalidLiteral?.message.hasPrefix("'2GB' is not \(ByteSize.expected)") == true)
        let rate: Percent = "110%"
        #expect(rate.invalidLiteral?.message == "'110%' is above 100%")
        let schedule: Cron = "0 2 * *"
        #expect(schedule.invalidLiteral?.message == "'0 2 * *' has 4 fields; \(Cron.expected)")
        #expect(schedule != Cron("0 2 * * *"))
        let cpu: CPU = "2 cores", throughput: Rate = "fast"
        #expect(cpu.invalidLiteral != nil && throughput.invalidLiteral != nil)
    }
}

extension Cron {
    init(_ literal: String) { self.init(stringLiteral: literal) }
}
