@testable import BizraRules
import Testing

@Suite struct SecretShapeTests {
    @Test(arguments: ["postgres://app:hunter2@db:5432/app", "AKIAABCDEFGHIJKLMNOP", "see redis://default:pw@cache"])
    func credentialsAreRecognised(value: String) {
        #expect(SecretInConfig.looksSecret(value))
    }

    @Test(arguments: ["https://example.com/a:b@c", "info", "http://host:8080/path", "user@example.com"])
    func ordinaryValuesAreNot(value: String) {
        #expect(!SecretInConfig.looksSecret(value))
    }

    /// A long value is scanned once, not once per position (a 400 kB config value once took minutes).
    @Test func longValuesStayLinear() {
        let long = String(repeating: "x", count: 400_000) + "://a:b@c"
        #expect(SecretInConfig.looksSecret(long))
        #expect(!SecretInConfig.looksSecret(String(repeating: "ab://", count: 80_000)))
    }
}
