import Foundation
import Testing

/// The command line as the design specifies it: exit statuses, diagnostics, atomic output.
@Suite struct CommandLineTests {
    let specs = CLIRunner.projectRoot.appendingPathComponent("specs")

    func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test func initThenBuildThenCheck() throws {
        try withFolder { folder throws in
            #expect(try CLIRunner.run(["init"], in: folder).status == 0)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("specs/platform.yaml").path))
            #expect(try CLIRunner.run(["init"], in: folder).status == 2, "init must not overwrite")
            let build = try CLIRunner.run(["build"], in: folder)
            #expect(build.status == 0, "\(build.stderr)")
            #expect(try CLIRunner.run(["build", "--check"], in: folder).status == 0)
        }
    }

    @Test func checkNamesStaleFilesAndWritesNothing() throws {
        try withFolder { folder throws in
            #expect(try CLIRunner.run(["build", "--spec", specs.path], in: folder).status == 0)
            let file = folder.appendingPathComponent("out/production/clusters/us-east-1/k8s/01-namespaces.yaml")
            try "edited by hand\n".write(to: file, atomically: true, encoding: .utf8)
            let check = try CLIRunner.run(["build", "--spec", specs.path, "--check"], in: folder)
            #expect(check.status == 1)
            #expect(check.stderr.contains("k8s/01-namespaces.yaml"))
            #expect(try String(contentsOf: file, encoding: .utf8) == "edited by hand\n")
        }
    }

    @Test func badSpecExitsOneWithLocatedDiagnosticAndWritesNothing() throws {
        try withFolder { folder throws in
            #expect(try CLIRunner.run(["build", "--spec", specs.path], in: folder).status == 0)
            let before = CLIRunner.tree(folder.appendingPathComponent("out"))
            let broken = folder.appendingPathComponent("broken")
            try FileManager.default.copyItem(at: specs, to: broken)
            let services = broken.appendingPathComponent("services.yaml")
            let text = try String(contentsOf: services, encoding: .utf8).replacingOccurrences(of: "    replicas: 3", with: "    replica: 3")
            try text.write(to: services, atomically: true, encoding: .utf8)
            let build = try CLIRunner.run(["build", "--spec", broken.path], in: folder)
            #expect(build.status == 1)
            #expect(build.stderr.contains("services.yaml:11:5: error[SPEC001]: unknown key 'replica' in service 'bizra-node0'; did you mean 'replicas'?"),
                    "\(build.stderr)")
            #expect(CLIRunner.tree(folder.appendingPathComponent("out")) == before)
        }
    }

    @Test func validateJSONHasTheDesignShape() throws {
        try withFolder { folder throws in
            let broken = folder.appendingPathComponent("spec.yaml")
            try "version: 1\nplatform: { name: x }\n".write(to: broken, atomically: true, encoding: .utf8)
            let result = try CLIRunner.run(["validate", "--spec", broken.path, "--format", "json"], in: folder)
            #expect(result.status == 1)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
            #expect(object["errors"] as? Int == diagnostics.count)
            #expect(object["warnings"] as? Int == 0)
            let first = try #require(diagnostics.first)
            #expect(Set(first.keys) == ["rule", "severity", "message", "file", "line", "column", "notes"])
            #expect(first["rule"] as? String == "SPEC003")
        }
    }

    /// The specs/ folder with an overlay environment `accepting` that brings back allkeys-lru
    /// (a CACHE004 warning) and suppresses it with `suppression`.
    func specsWithAcceptedWarning(_ folder: URL, suppression: String) throws -> URL {
        let copy = folder.appendingPathComponent("specs")
        try FileManager.default.copyItem(at: specs, to: copy)
        try """
            caching: { redis: { maxmemoryPolicy: allkeys-lru } }
            \(suppression)
            """.write(to: copy.appendingPathComponent("environments/accepting.yaml"), atomically: true, encoding: .utf8)
        return copy
    }

    @Test func aSuppressedWarningIsListedWithItsReasonAndNoLongerCounts() throws {
        try withFolder { folder throws in
            let spec = try specsWithAcceptedWarning(folder, suppression: """
                suppressions:
                  - { rule: CACHE004, at: caching.redis, reason: the producers re-enqueue what is evicted }
                """).path
            let strict = try CLIRunner.run(["validate", "--spec", spec, "--env", "accepting", "--warnings-as-errors"], in: folder)
            #expect(strict.status == 0, "\(strict.stderr)")
            #expect(strict.stderr.contains("suppressed warning[CACHE004]"))
            #expect(strict.stderr.contains("accepted in the spec's suppressions: the producers re-enqueue what is evicted"))
            #expect(strict.stderr.contains("0 errors, 0 warnings (1 suppressed)"))
            let sarif = try CLIRunner.run(["validate", "--spec", spec, "--env", "accepting", "--format", "sarif"], in: folder)
            let log = try #require(JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
            let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
            let accepted = try #require(results.first { $0["ruleId"] as? String == "CACHE004" })
            let suppressions = try #require(accepted["suppressions"] as? [[String: Any]])
            #expect(suppressions.first?["kind"] as? String == "inSource")
            #expect(suppressions.first?["justification"] as? String == "the producers re-enqueue what is evicted")
            #expect(try CLIRunner.run(["build", "--spec", spec, "--env", "accepting", "--warnings-as-errors"], in: folder).status == 0)
        }
    }

    @Test func aSuppressionElsewhereAcceptsNothingAndSaysSo() throws {
        try withFolder { folder throws in
            let spec = try specsWithAcceptedWarning(folder, suppression: """
                suppressions:
                  - { rule: CACHE004, at: caching.varnish, reason: wrong place }
                  - { rule: OUT004, reason: errors are never accepted }
                """).path
            let strict = try CLIRunner.run(["validate", "--spec", spec, "--env", "accepting", "--warnings-as-errors"], in: folder)
            #expect(strict.status == 1)
            #expect(strict.stderr.contains("warning[CACHE004]") && !strict.stderr.contains("suppressed warning"))
            #expect(strict.stderr.contains("warning[SPEC009]: suppression of CACHE004 at caching.varnish accepts no warning"))
            #expect(strict.stderr.contains("warning[SPEC009]: suppression of OUT004: the OUT rules find errors"))
            let unknownPlace = try specsWithAcceptedWarning(folder.appendingPathComponent("b"), suppression: """
                suppressions:
                  - { rule: CACHE004, at: caching.redsi, reason: typo }
                """).path
            let typo = try CLIRunner.run(["validate", "--spec", unknownPlace, "--env", "accepting"], in: folder)
            #expect(typo.status == 1)
            #expect(typo.stderr.contains("error[SPEC002]: 'at: caching.redsi' names no part of the spec: caching has no 'redsi' (it has redis"))
        }
    }

    @Test func sarifIsVersion210() throws {
        try withFolder { folder throws in
            let result = try CLIRunner.run(["validate", "--spec", specs.path, "--format", "sarif"], in: folder)
            #expect(result.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["version"] as? String == "2.1.0")
        }
    }

    @Test func usageErrorsExitTwo() throws {
        try withFolder { folder throws in
            #expect(try CLIRunner.run(["build", "--spec", "/nonexistent/spec"], in: folder).status == 2)
            #expect(try CLIRunner.run(["explain", "NOPE001"], in: folder).status == 2)
            #expect(try CLIRunner.run(["frobnicate"], in: folder).status == 2)
            #expect(try CLIRunner.run(["--version"], in: folder).status == 0)
        }
    }

    @Test func withoutSpecsFolderUsesTheReferenceAndSaysSo() throws {
        try withFolder { folder throws in
            let result = try CLIRunner.run(["validate"], in: folder)
            #expect(result.status == 0)
            #expect(result.stderr.contains("built-in reference spec"))
        }
    }

    @Test func rulesAndExplain() throws {
        try withFolder { folder throws in
            let rules = try CLIRunner.run(["rules"], in: folder)
            let spec001 = rules.stdout.split(separator: "\n").first { $0.hasPrefix("SPEC001 ") }
            #expect(spec001?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first == "error")
            #expect(rules.stdout.contains("SLA005"))
            let explain = try CLIRunner.run(["explain", "spec002"], in: folder)
            #expect(explain.status == 0)
            #expect(explain.stdout.contains("Triggers on:"))
        }
    }
}
