import Testing
import BizraSpec

@Suite("concurrentMap")
struct ConcurrentMapTests {
    @Test("each result lands in its element's slot, whatever the scheduling", arguments: [0, 1, 2, 3, 64, 10_000])
    func keepsOrder(count: Int) {
        let numbers = Array(0..<count)
        let squared = numbers.concurrentMap { number in
            // Uneven work, so that threads finish out of order.
            (0..<(number % 7) * 50).reduce(number * number) { value, _ in value &+ 0 }
        }
        #expect(squared == numbers.map { $0 * $0 })
    }

    @Test("results of any type, repeated runs identical")
    func stable() {
        let words = (0..<500).map { "w\($0)" }
        let first = words.concurrentMap { $0.uppercased() + String($0.count) }
        for _ in 0..<5 {
            #expect(words.concurrentMap { $0.uppercased() + String($0.count) } == first)
        }
        #expect(first == words.map { $0.uppercased() + String($0.count) })
    }
}
