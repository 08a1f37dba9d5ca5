import Foundation
import Testing

/// `bizra-gen validate` ends every text run with one summary line, `N errors, M warnings`: with no
/// finding, only warnings, errors, and a spec that does not even load.
@Suite struct ValidateSummaryTests {
    let specs = CLIRunner.projectRoot.appendingPathComponent("specs")

    /// The summary lines of a run's stderr.
    static func summaries(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter {
            $0.wholeMatch(of: /\d+ errors?, \d+ warnings?( \(\d+ suppressed\))?/) != nil
        }
    }

    /// Runs `validate` on the specs/ folder with `change` applied to a copy of it; stderr's last line and the status.
    func validate(_ change: (URL) throws -> Void, arguments: [String] = []) throws -> (summary: String?, summaries: Int, status: Int32) {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("specs")
        try FileManager.default.copyItem(at: specs, to: copy)
        try change(copy)
        let result = try CLIRunner.run(["validate", "--spec", copy.path] + arguments, in: folder)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        return (lines.last, Self.summaries(result.stderr).count, result.status)
    }

    static func edit(_ file: URL, _ from: String, _ to: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(from))
        try text.replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func everyRunEndsWithOneSummaryLine() throws {
        let clean = try validate { _ in }
        #expect(clean == ("0 errors, 0 warnings", 1, 0))

        let warning = try validate({ copy in
            try "caching: { redis: { maxmemoryPolicy: allkeys-lru } }\n"
                .write(to: copy.appendingPathComponent("environments/evicting.yaml"), atomically: true, encoding: .utf8)
        }, arguments: ["--env", "evicting"])
        #expect(warning == ("0 errors, 1 warning", 1, 0))

        let errors = try validate { copy in
            let services = copy.appendingPathComponent("services.yaml")
            try Self.edit(services, "    replicas: 3", "    replica: 3")
            try Self.edit(services, "    image:", "    imag:")
        }
        #expect(errors == ("2 errors, 0 warnings", 1, 1))

        let unreadable = try validate { copy in
            try Self.edit(copy.appendingPathComponent("services.yaml"), "    replicas: 3", "    replicas: [3")
        }
        #expect(unreadable == ("1 error, 0 warnings", 1, 1))
    }
}
