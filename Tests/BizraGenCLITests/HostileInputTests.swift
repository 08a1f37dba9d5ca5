#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// Hostile input to `bizra-gen validate`/`build`, run as a whole process: each input is refused
/// with a located diagnostic (exit 1) or read correctly, never a crash, and the process returns
/// within a generous bound of time and memory (it is killed at the bound, which fails the test).
@Suite struct HostileInputTests {
    static let specs = CLIRunner.projectRoot.appendingPathComponent("specs")
    /// Killed after this long: a bound that says "it returns", not a timing.
    static let timeout: Double = 30
    /// Peak resident memory allowed, in MiB.
    static let memoryBound = 1024

    /// How a bounded run ended.
    struct Outcome {
        /// Exit status, nil when killed by a signal.
        var status: Int32?
        var signal: Int32?
        var stderr: String
        var peakMiB: Int
        var timedOut: Bool
    }

    /// Runs bizra-gen with `arguments` (paths absolute), its stderr kept in `folder`, killed after `timeout` seconds; its own peak memory (wait4).
    static func run(_ arguments: [String], in folder: URL, timeout: Double = HostileInputTests.timeout) throws -> Outcome {
        let log = folder.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([CLIRunner.binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = (ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 })
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, CLIRunner.binary.path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }

        var status: Int32 = 0
        var usage = rusage()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while true {
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { throw POSIXError(.ECHILD) }
            if Date() > deadline, !timedOut {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(10_000)
        }
        let stderr = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let exited = status & 0x7F == 0
        return Outcome(status: exited ? (status >> 8) & 0xFF : nil, signal: exited ? nil : status & 0x7F,
                       stderr: stderr, peakMiB: Int(usage.ru_maxrss) / 1024, timedOut: timedOut)
    }

    /// Writes `bytes` as `spec.yaml` in a new folder, runs `validate --spec` on it, and checks the bounds.
    static func validate(_ bytes: [UInt8], _ comment: Comment, timeout: Double = HostileInputTests.timeout) throws -> Outcome {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("spec.yaml")
        try Data(bytes).write(to: file)
        let outcome = try run(["validate", "--spec", file.path], in: folder, timeout: timeout)
        expectBounded(outcome, comment)
        return outcome
    }

    static func expectBounded(_ outcome: Outcome, _ comment: Comment) {
        #expect(!outcome.timedOut, "\(comment): killed at the time bound")
        #expect(outcome.signal == nil, "\(comment): crashed with signal \(outcome.signal ?? 0): \(outcome.stderr)")
        #expect(outcome.peakMiB < memoryBound, "\(comment): peak memory \(outcome.peakMiB) MiB")
    }

    /// The refusal: exit 1, a `spec.yaml:LINE:COL: error[RULE]` diagnostic.
    static func expectRefused(_ outcome: Outcome, rule: String, line: Int? = nil, _ comment: Comment) {
        #expect(outcome.status == 1, "\(comment): status \(String(describing: outcome.status)): \(outcome.stderr)")
        let location = line.map { "spec.yaml:\($0):" } ?? "spec.yaml:"
        let located = outcome.stderr.split(separator: "\n").contains {
            $0.contains(location) && $0.contains("error[\(rule)]")
        }
        #expect(located, "\(comment): expected \(location)…error[\(rule)]: \(outcome.stderr)")
    }

    /// The reference spec as one file.
    static func referenceText() throws -> String {
        try FileManager.default.contentsOfDirectory(atPath: specs.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { try String(contentsOf: specs.appendingPathComponent($0), encoding: .utf8) }.joined()
    }

    @Test("a 50 MB spec is refused without being read whole")
    func fiftyMegabytes() throws {
        let reference = try Self.referenceText()
        var text = reference + "# padding\n"
        let line = "# " + String(repeating: "x", count: 98) + "\n"
        text.reserveCapacity(50_000_000 + line.count)
        while text.utf8.count < 50_000_000 { text += line }
        let outcome = try Self.validate(Array(text.utf8), "50 MB")
        Self.expectRefused(outcome, rule: "SPEC008", line: 1, "50 MB")
    }

    @Test("10,000-deep nesting is refused at the limit, for block and flow style", arguments: ["flow-sequence", "flow-mapping", "block"])
    func deepNesting(_ style: String) throws {
        let depth = 10_000
        let text: String
        switch style {
        case "flow-sequence": text = "version: 1\nplatform: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        case "flow-mapping": text = "version: 1\nplatform: " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth) + "\n"
        default:
            // Block sequences nest on one line: `- - - x`.
            text = "version: 1\nplatform:\n  " + String(repeating: "- ", count: depth) + "x\n"
        }
        let outcome = try Self.validate(Array(text.utf8), "nesting \(style)")
        Self.expectRefused(outcome, rule: "SPEC008", "nesting \(style)")
        #expect(outcome.stderr.contains("nesting deeper than"), "\(outcome.stderr)")
    }

    @Test("alias bombs (a billion laughs, and many aliases) are refused")
    func aliasBombs() throws {
        var bomb = "version: 1\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            bomb += "a\(level): &a\(level) [\(refs)]\n"
        }
        bomb += "platform: *a9\n"
        let outcome = try Self.validate(Array(bomb.utf8), "billion laughs")
        Self.expectRefused(outcome, rule: "SPEC008", "billion laughs")

        let many = "version: 1\nx: &x 1\nplatform: [" + Array(repeating: "*x", count: 100_000).joined(separator: ", ") + "]\n"
        let second = try Self.validate(Array(many.utf8), "100,000 aliases")
        Self.expectRefused(second, rule: "SPEC008", "100,000 aliases")

        // An alias to a mapping merged with <<, nested: the same limits hold.
        var merges = "version: 1\nm0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}\n"
        for level in 1...12 {
            merges += "m\(level): &m\(level) [" + Array(repeating: "*m\(level - 1)", count: 8).joined(separator: ", ") + "]\n"
        }
        let third = try Self.validate(Array(merges.utf8), "nested aliases")
        Self.expectRefused(third, rule: "SPEC008", "nested aliases")
    }

    @Test("invalid UTF-8 is refused at its line and column")
    func invalidUTF8() throws {
        var bytes = Array("version: 1\nplatform:\n  name: bizra".utf8)
        bytes += [0xC3, 0x28] + Array("\n".utf8)
        let outcome = try Self.validate(bytes, "invalid UTF-8")
        Self.expectRefused(outcome, rule: "SPEC007", line: 3, "invalid UTF-8")
        #expect(outcome.stderr.contains("spec.yaml:3:14:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("UTF-8"), "\(outcome.stderr)")

        for sequence: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let outcome = try Self.validate(Array("version: 1\nplatform: ".utf8) + sequence + Array("\n".utf8), "bytes \(sequence)")
            Self.expectRefused(outcome, rule: "SPEC007", line: 2, "bytes \(sequence)")
        }
    }

    @Test("a NUL byte is refused at its line and column")
    func nulByte() throws {
        let bytes = Array("version: 1\nplatform:\n  name: biz".utf8) + [0] + Array("ra\n".utf8)
        let outcome = try Self.validate(bytes, "NUL")
        Self.expectRefused(outcome, rule: "SPEC007", line: 3, "NUL")
        #expect(outcome.stderr.contains("spec.yaml:3:12:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("NUL"), "\(outcome.stderr)")
    }

    /// Builds the spec folder `specs` into `folder/out`; the tree.
    static func build(_ specs: URL, in folder: URL) throws -> [String: Data] {
        let outcome = try run(["build", "--spec", specs.path, "--out", folder.appendingPathComponent("out").path], in: folder)
        expectBounded(outcome, "build of \(specs.lastPathComponent)")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return CLIRunner.tree(folder.appendingPathComponent("out"))
    }

    /// A copy of the reference specs with every file's bytes transformed.
    static func transformedSpecs(in folder: URL, _ transform: (String) -> [UInt8]) throws -> URL {
        let copy = folder.appendingPathComponent("specs")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: specs.path) where name.hasSuffix(".yaml") {
            let text = try String(contentsOf: specs.appendingPathComponent(name), encoding: .utf8)
            try Data(transform(text)).write(to: copy.appendingPathComponent(name))
        }
        return copy
    }

    @Test("a BOM, CRLF line ends, both, and tabs between tokens are read correctly: the same output as the plain spec")
    func bomCRLFAndTabsReadTheSame() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try Self.build(Self.specs, in: folder.appendingPathComponent("plain").creatingFolder())
        let variants: [(String, (String) -> [UInt8])] = [
            ("bom", { [0xEF, 0xBB, 0xBF] + Array($0.utf8) }),
            ("crlf", { Array($0.replacingOccurrences(of: "\n", with: "\r\n").utf8) }),
            ("bom+crlf", { [0xEF, 0xBB, 0xBF] + Array($0.replacingOccurrences(of: "\n", with: "\r\n").utf8) }),
            // Tabs where YAML allows them: before a comment, and after the brace of a flow mapping.
            ("tabs", { Array($0.replacingOccurrences(of: "   # ", with: "\t# ").replacingOccurrences(of: "{ ", with: "{\t").utf8) }),
        ]
        for (name, transform) in variants {
            let variant = try folder.appendingPathComponent(name).creatingFolder()
            let tree = try Self.build(try Self.transformedSpecs(in: variant, transform), in: variant)
            #expect(tree == plain, "\(name): the output differs from the plain spec's")
        }
    }

    @Test("a long config value (200 KB) is checked in bounded time")
    func longConfigValue() throws {
        let text = try Self.referenceText().replacingOccurrences(
            of: "      LOG_LEVEL: info\n", with: "      LOG_LEVEL: info\n      NOTES: \(String(repeating: "x", count: 200_000))\n")
        // SEC002 once ran a regex quadratic in the value's length: a 400 KB value took minutes.
        let outcome = try Self.validate(Array(text.utf8), "200 KB config value", timeout: 10)
        #expect(outcome.status == 0 || outcome.status == 1, "\(outcome.stderr)")
    }

    @Test("a tab used as indentation is refused at its line and column")
    func tabIndentation() throws {
        let text = "version: 1\nplatform:\n\tname: bizra\n"
        let outcome = try Self.validate(Array(text.utf8), "tab indentation")
        Self.expectRefused(outcome, rule: "SPEC007", line: 3, "tab indentation")
    }

    @Test("a CR alone, and a BOM in the middle of the file, get a located answer, not a crash")
    func strayControlCharacters() throws {
        let reference = try Self.referenceText()
        for (name, text) in [("lone CR", reference.replacingOccurrences(of: "\n", with: "\r")),
                             ("BOM inside", reference.replacingOccurrences(of: "sla:\n", with: "\u{FEFF}sla:\n")),
                             ("control characters", "version: 1\nplatform: { name: \"a\u{07}b\" }\n")] {
            let outcome = try Self.validate(Array(text.utf8), Comment(rawValue: name))
            #expect(outcome.status == 0 || outcome.status == 1, "\(name): \(outcome.stderr)")
            if outcome.status == 1 {
                #expect(outcome.stderr.contains("spec.yaml:"), "\(name): the diagnostic is located: \(outcome.stderr)")
            }
        }
    }
}

private extension URL {
    /// Creates this folder (and parents); the URL.
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: self, withIntermediateDirectories: true)
        return self
    }
}
