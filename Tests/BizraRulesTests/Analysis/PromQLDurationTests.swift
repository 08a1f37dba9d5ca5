import Testing
@testable import BizraRules

@Suite("PromQL durations")
struct PromQLDurationTests {
    /// The duration grammar as a regular expression: the scan must agree with it on every string.
    nonisolated(unsafe) static let grammar = /([0-9]+(ms|[smhdwy]))+/

    @Test("the scan accepts exactly what the grammar does")
    func agreesWithTheGrammar() {
        var written = ["5m", "1h30m", "250ms", "1ms5s", "1m5s", "90d", "1y2w", "", "m", "5", "5mm", "5ms1", "1mss", "10s0", "1x", "01m"]
        // Every string of up to five characters over the alphabet that matters, in a fixed order.
        let alphabet: [Character] = ["1", "0", "m", "s", "h", "x"]
        var frontier = [""]
        for _ in 1...5 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + String($0) } }
            written += frontier
        }
        for text in written {
            let scalars = ArraySlice(Array(text.unicodeScalars))
            #expect(PromQLLexer.isDuration(scalars) == (text.wholeMatch(of: Self.grammar) != nil), "'\(text)'")
        }
    }
}
