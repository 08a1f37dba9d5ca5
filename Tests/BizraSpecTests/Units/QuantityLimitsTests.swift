import Testing
@testable import BizraSpec

@Suite("QuantityLimits")
struct QuantityLimitsTests {
    @Test("units beyond their limit are refused with the limit in the message", arguments: [
        ("7000Pi", "ByteSize"), ("2000000", "CPU"), ("99999999d", "TimeSpan"), ("2000000000rps", "Rate"),
    ])
    func beyond(text: String, unit: String) {
        let message: String?
        switch unit {
        case "ByteSize": message = (try? ByteSize(parsing: text)).map { "\($0)" }
        case "CPU": message = (try? CPU(parsing: text)).map { "\($0)" }
        case "TimeSpan": message = (try? TimeSpan(parsing: text)).map { "\($0)" }
        default: message = (try? Rate(parsing: text)).map { "\($0)" }
        }
        #expect(message == nil, "\(text) parsed as \(message ?? "")")
    }

    @Test("the limits themselves are accepted, one step more is not")
    func atTheLimit() throws {
        #expect(throws: UnitParseError.self) { try ByteSize(parsing: "1025Pi") }
        #expect(try ByteSize(parsing: "1024Pi").bytes == QuantityLimits.bytes)
        #expect(try CPU(parsing: "1000000").millicores == QuantityLimits.millicores)
        #expect(try TimeSpan(parsing: "36500d").milliseconds == QuantityLimits.durationMilliseconds)
        #expect(try Rate(parsing: "1000000000rps").perSecond == QuantityLimits.requestsPerSecond)
    }

    @Test("unit sums and products saturate instead of trapping")
    func saturation() {
        let big = ByteSize(bytes: QuantityLimits.bytes)
        #expect((big * 1_000_000_000).bytes == .max)
        #expect((ByteSize(bytes: .max) + big).bytes == .max)
        #expect((CPU(millicores: QuantityLimits.millicores) * Int64.max).millicores == .max)
        #expect((TimeSpan(milliseconds: -5) * Int64.max).milliseconds == .min)
        #expect((big * 3).bytes == QuantityLimits.bytes * 3)
    }

    @Test("a fraction of a size is exact and never overflows")
    func fraction() {
        #expect(ByteSize.gibibytes(2).fraction(3, 4) == ByteSize(bytes: 1_610_612_736))
        #expect(ByteSize(bytes: 1001).fraction(3, 4).bytes == 750)
        #expect(ByteSize(bytes: .max).fraction(3, 4).bytes == Int64.max / 4 * 3 + Int64.max % 4 * 3 / 4)
    }

    @Test("Int(saturating:) clamps, rounds as asked, and maps NaN to 0")
    func saturatingInt() {
        #expect(Int(saturating: 1e300) == .max)
        #expect(Int(saturating: -.infinity) == .min)
        #expect(Int(saturating: .nan) == 0)
        #expect(Int(saturating: 2.1, rounding: .up) == 3)
        #expect(Int(saturating: 2.5) == 3)
        #expect(Int(saturating: -2.5, rounding: .towardZero) == -2)
    }
}
