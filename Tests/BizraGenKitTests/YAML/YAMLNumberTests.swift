import Foundation
import Testing
@testable import BizraGenKit

@Suite("YAML numbers")
struct YAMLNumberTests {
    static let doubles: [(Double, String)] = [
        (1, "1.0"), (0.5, "0.5"), (-2.5, "-2.5"), (0.0001, "0.0001"), (1e-5, "0.00001"),
        (1.5e-7, "0.00000015"), (100, "100.0"), (1e16, "10000000000000000.0"),
        (123456789012345680, "123456789012345680.0"), (-0.0, "-0.0"), (0.1 + 0.2, "0.30000000000000004"),
        (.nan, ".nan"), (.infinity, ".inf"), (-.infinity, "-.inf"),
        (.leastNonzeroMagnitude, "0." + String(repeating: "0", count: 323) + "5"),
    ]

    @Test("doubles in shortest round-trip decimal form, never with an exponent", arguments: doubles)
    func double(_ value: Double, _ expected: String) {
        #expect(YAMLWriter.document(.double(value)) == expected + "\n")
    }

    @Test("every finite double reads back exactly")
    func roundTrip() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            let text = YAMLNumber.text(value)
            #expect(Double(text) == value, "\(value) written as \(text)")
            #expect(!text.contains("e") && text.contains("."))
        }
    }

    @Test("integers and Booleans")
    func integers() {
        #expect(YAMLWriter.document(["a": 0, "b": -12, "c": .int(Int.max), "d": true]) == "a: 0\nb: -12\nc: 9223372036854775807\nd: true\n")
    }
}
