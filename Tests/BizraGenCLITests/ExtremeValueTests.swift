import Foundation
import Testing

/// Quantities at and beyond the limits of the format (`QuantityLimits`): beyond, each is refused
/// where it is written (SPEC002); at the limits, the checks and every planner run on them without
/// an overflow trap (sums and products saturate), so `build` answers with an exit status, never a crash.
@Suite struct ExtremeValueTests {
    /// The reference spec as one file, with each `(old, new)` replaced once.
    static func spec(_ replacements: [(String, String)]) throws -> String {
        var text = try HostileInputTests.referenceText()
        for (old, new) in replacements {
            let range = try #require(text.range(of: old), "'\(old)' is not in the reference spec")
            text.replaceSubrange(range, with: new)
        }
        return text
    }

    static func line(of marker: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(marker) }.map { $0 + 1 }
    }

    @Test("a quantity beyond the limit is refused at its line", arguments: [
        ("memoryPerNode: 2Gi", "memoryPerNode: 7000Pi"),
        ("replicasPerMaster: 1", "replicasPerMaster: 99999999999"),
        ("limits: { cpu: \"2\", memory: 2Gi }", "limits: { cpu: \"5000000\", memory: 2Gi }"),
        ("throughput: { peak: 10000rps", "throughput: { peak: 9000000000000rps"),
        ("lagAlert: 5s", "lagAlert: 99999999d"),
        ("rpsPerReplica: 400", "rpsPerReplica: -9223372036854775808"),
    ])
    func beyondTheLimit(_ old: String, _ new: String) throws {
        let text = try Self.spec([(old, new)])
        let outcome = try HostileInputTests.validate(Array(text.utf8), "\(new)")
        HostileInputTests.expectRefused(outcome, rule: "SPEC002", line: Self.line(of: new, in: text), "\(new)")
        #expect(outcome.stderr.contains("than any platform needs"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("SPEC001"), "a bad value must not make later keys look unknown: \(outcome.stderr)")
    }

    @Test("at the limits, the checks and every planner answer without a trap")
    func atTheLimits() throws {
        let text = try Self.spec([
            ("memoryPerNode: 2Gi", "memoryPerNode: 1024Pi"),
            ("    memory: 2Gi", "    memory: 1024Pi"),
            ("limits: { cpu: \"2\", memory: 2Gi }", "limits: { cpu: \"1000000\", memory: 1024Pi }"),
            ("replicas: 3", "replicas: 1000000000"),
            ("requests: { cpu: \"64\", memory: 128Gi }", "requests: { cpu: \"1000000\", memory: 1024Pi }"),
            ("limits: { cpu: \"160\", memory: 256Gi }", "limits: { cpu: \"1000000\", memory: 1024Pi }"),
            ("pods: 200", "pods: 1000000000"),
            ("throughput: { peak: 10000rps, sustained: 8000rps }", "throughput: { peak: 1000000000rps, sustained: 1000000000rps }"),
            ("rate: 1000rps, duration: 5m", "rate: 1000000000rps, duration: 36500d"),
            ("retention: 7d", "retention: 36500d"),
        ])
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("spec.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        for arguments in [["validate", "--spec", file.path], ["build", "--spec", file.path, "--out", folder.appendingPathComponent("out").path]] {
            let outcome = try HostileInputTests.run(arguments, in: folder)
            HostileInputTests.expectBounded(outcome, "\(arguments[0]) at the limits")
            #expect(outcome.status == 0 || outcome.status == 1, "\(arguments[0]): \(outcome.stderr)")
        }
    }
}
