#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// Failure safety of `bizra-gen build`, run as a user runs it: a build that fails mid-way leaves
/// the previous out/ intact and says why; a symlink in out/ is refused; two builds at once give
/// one complete tree; nothing in a spec makes it write outside the out folder.
@Suite struct FailureSafetyTests {
    static let specs = CLIRunner.projectRoot.appendingPathComponent("specs")

    /// A scratch folder holding a copy of the reference spec folder as `specs/`.
    struct Workspace {
        let folder: URL
        var specs: URL { folder.appendingPathComponent("specs") }
        var out: URL { folder.appendingPathComponent("out") }

        init() throws {
            folder = try CLIRunner.temporaryFolder()
            try FileManager.default.copyItem(at: FailureSafetyTests.specs, to: specs)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }

        /// Replaces `old` (which must occur) by `new` in the spec file `name`.
        func edit(_ name: String, _ old: String, _ new: String) throws {
            let file = specs.appendingPathComponent(name)
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains(old), "the reference \(name) no longer holds \(old)")
            try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
        }

        func build(out: String = "out", _ extra: [String] = []) throws -> CLIRunner.Result {
            try CLIRunner.run(["build", "--spec", specs.path, "--out", out] + extra, in: folder)
        }

        /// A spec change that makes 02-config-secrets.yaml about `bytes` bytes larger (ConfigMap entries of 100 bytes).
        func growOutput(by bytes: Int) throws {
            let entries = (0..<bytes / 100).map { "      PADDING_\($0): \(String(repeating: "x", count: 80))\n" }.joined()
            try edit("services.yaml", "      LOG_LEVEL: info\n", "      LOG_LEVEL: info\n" + entries)
        }

        /// Names in `out/` that the writer leaves only while it works (temporary and old folders).
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") && $0 != ".bizra-gen.lock" }
        }
    }

    /// Whether this sandbox lets the tests mount a small tmpfs (root in a container usually can).
    static let canMountTmpfs: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("bizra-tmpfs-probe-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: probe) }
        guard Self.mountTmpfs(at: probe.path, options: "size=64k") == 0 else { return false }
        umount(probe.path)
        return true
    }()

    /// MS_REMOUNT | MS_RDONLY (sys/mount.h).
    static let remountReadOnly: UInt = 32 | 1

    /// mount(2) of a tmpfs at `path`; 0 or -1 with errno.
    static func mountTmpfs(at path: String, options: String, flags: UInt = 0) -> Int32 {
        options.withCString { mount("tmpfs", path, "tmpfs", flags, $0) }
    }

    /// Mounts a tmpfs of `kilobytes` at `folder` for the duration of `body`.
    static func withTmpfs(at folder: URL, kilobytes: Int, _ body: () throws -> Void) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard mountTmpfs(at: folder.path, options: "size=\(kilobytes)k,mode=0755") == 0 else {
            Issue.record("mount tmpfs: \(String(cString: strerror(errno)))")
            return
        }
        defer { umount2(folder.path, 2) }  // MNT_DETACH
        try body()
    }

    /// The room the reference output takes on a tmpfs, in bytes: each file in whole 4 KiB pages.
    static func referenceOutputBytes() throws -> Int {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(try workspace.build().status == 0)
        return CLIRunner.tree(workspace.out).values.reduce(0) { $0 + ($1.count + 4095) / 4096 * 4096 }
    }

    @Test("a full disk mid-way (small tmpfs) leaves the previous out/ intact and says why",
          .enabled(if: canMountTmpfs, "mounting a tmpfs is not permitted in this sandbox"))
    func fullDiskKeepsPreviousTree() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let size = try Self.referenceOutputBytes()
        // Room for the reference output and a little more, not for the grown one beside it.
        try Self.withTmpfs(at: workspace.out, kilobytes: size / 1024 + 96) {
            let first = try workspace.build()
            try #require(first.status == 0, "\(first.stderr)")
            let before = CLIRunner.tree(workspace.out)
            try workspace.growOutput(by: 400_000)
            let second = try workspace.build()
            #expect(second.status == 2, "\(second.stderr)")
            #expect(second.stderr.contains("No space left on device"), "\(second.stderr)")
            #expect(second.stderr.contains(workspace.out.path), "the message names where: \(second.stderr)")
            #expect(CLIRunner.tree(workspace.out) == before)
            #expect(try workspace.leftovers().isEmpty)
        }
    }

    @Test("a read-only out folder (remounted read-only, which stops root too) leaves out/ intact and says why",
          .enabled(if: canMountTmpfs, "mounting a tmpfs is not permitted in this sandbox"))
    func readOnlyKeepsPreviousTree() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try Self.withTmpfs(at: workspace.out, kilobytes: 4096) {
            try #require(try workspace.build().status == 0)
            let before = CLIRunner.tree(workspace.out)
            guard Self.mountTmpfs(at: workspace.out.path, options: "", flags: Self.remountReadOnly) == 0 else {
                Issue.record("remount read-only: \(String(cString: strerror(errno)))")
                return
            }
            try workspace.edit("services.yaml", "LOG_LEVEL: info", "LOG_LEVEL: debug")
            let second = try workspace.build()
            #expect(second.status == 2, "\(second.stderr)")
            #expect(second.stderr.contains("Read-only file system"), "\(second.stderr)")
            #expect(CLIRunner.tree(workspace.out) == before)
        }
    }

    @Test("a file planted where a folder must go stops the build with the path and keeps everything")
    func filePlantedWhereAFolderGoes() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try FileManager.default.createDirectory(at: workspace.out, withIntermediateDirectories: true)
        let planted = workspace.out.appendingPathComponent("production")
        try "not a folder\n".write(to: planted, atomically: false, encoding: .utf8)
        let result = try workspace.build()
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(planted.path) is a regular file; expected a folder"), "\(result.stderr)")
        #expect(try String(contentsOf: planted, encoding: .utf8) == "not a folder\n")

        // And a file where the out folder itself must go.
        let file = workspace.folder.appendingPathComponent("out-file")
        try "mine\n".write(to: file, atomically: false, encoding: .utf8)
        let second = try workspace.build(out: "out-file")
        #expect(second.status == 2, "\(second.stderr)")
        #expect(second.stderr.contains("out-file"), "\(second.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "mine\n")
    }

    @Test("a symlink planted in out/ is refused: nothing is written through it and out/ is kept")
    func symlinkInOutIsRefused() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try #require(try workspace.build().status == 0)
        let outside = workspace.folder.appendingPathComponent("outside.yaml")
        try "outside\n".write(to: outside, atomically: false, encoding: .utf8)
        let link = workspace.out.appendingPathComponent("production/clusters/us-east-1/k8s/01-namespaces.yaml")
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)
        let before = try FileManager.default.contentsOfDirectory(atPath: workspace.out.appendingPathComponent("production/clusters/us-east-1/k8s").path).sorted()

        let result = try workspace.build()
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(link.path) is a symbolic link"), "\(result.stderr)")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "outside\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == outside.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.out.appendingPathComponent("production/clusters/us-east-1/k8s").path).sorted() == before)
        #expect(try workspace.leftovers().isEmpty)
    }

    @Test("out/<environment> as a symlink to another folder is refused and that folder is untouched")
    func symlinkedTargetIsRefused() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let elsewhere = workspace.folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: workspace.out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: workspace.out.appendingPathComponent("production"), withDestinationURL: elsewhere)
        let result = try workspace.build()
        #expect(result.status == 2)
        #expect(result.stderr.contains("symbolic link"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test("two builds at once on one out/ of two different specs: both succeed, one complete tree of one of them")
    func concurrentBuildsDoNotInterleave() throws {
        let first = try Workspace(), second = try Workspace()
        defer { first.remove(); second.remove() }
        try second.edit("services.yaml", "LOG_LEVEL: info", "LOG_LEVEL: debug")
        // The tree each spec gives alone.
        let builtFirst = try first.build(), builtSecond = try second.build()
        try #require(builtFirst.status == 0, "\(builtFirst.stderr)")
        try #require(builtSecond.status == 0, "\(builtSecond.stderr)")
        let treeA = CLIRunner.tree(first.out), treeB = CLIRunner.tree(second.out)
        try #require(treeA != treeB)

        let shared = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: shared) }
        for round in 0..<3 {
            let results = try Self.runTogether([first, second].map {
                ["build", "--spec", $0.specs.path, "--out", shared.appendingPathComponent("out").path]
            }, in: shared)
            for result in results { #expect(result.status == 0, "round \(round): \(result.stderr)") }
            let tree = CLIRunner.tree(shared.appendingPathComponent("out"))
            #expect(tree == treeA || tree == treeB, "round \(round): the tree mixes both builds")
            let names = try FileManager.default.contentsOfDirectory(atPath: shared.appendingPathComponent("out").path).sorted()
            #expect(names == [".bizra-gen.lock", "production"], "round \(round): \(names)")
        }
    }

    /// Starts one bizra-gen per argument list, all before waiting for any; their statuses and stderr.
    static func runTogether(_ argumentLists: [[String]], in folder: URL) throws -> [(status: Int32, stderr: String)] {
        let started = try argumentLists.enumerated().map { index, arguments in
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = arguments
            process.currentDirectoryURL = folder
            let log = folder.appendingPathComponent("stderr-\(index).txt")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return (process, log)
        }
        return try started.map { process, log in
            process.waitUntilExit()
            defer { try? FileManager.default.removeItem(at: log) }
            return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
        }
    }

    @Test("--env ../x is refused and writes nothing")
    func environmentOptionCannotEscape() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try workspace.build(["--env", "../x"])
        #expect(result.status == 1 || result.status == 2)
        #expect(result.stderr.contains("../x"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.out.path))
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("x").path))
    }

    @Test("names from the spec that become paths must be DNS labels: a spec cannot write outside out/", arguments: [
        ("platform.yaml", "environment: production", "environment: ../../etc"),
        ("platform.yaml", "environment: production", "environment: \"..\""),
        ("platform.yaml", "environment: production", "environment: /tmp/escape"),
        ("benchmarks.yaml", "{ name: latency,", "{ name: ../../../escape,"),
        ("services.yaml", "  - name: bizra-node0", "  - name: ../escape"),
    ])
    func specNamesCannotEscape(_ file: String, _ old: String, _ new: String) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.edit(file, old, new)
        let nested = workspace.folder.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let before = try Self.listing(workspace.folder)
        let result = try CLIRunner.run(["build", "--spec", workspace.specs.path, "--out", "out"], in: nested)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\(file):"), "a located diagnostic: \(result.stderr)")
        #expect(try Self.listing(workspace.folder) == before, "nothing was written anywhere")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/escape"))
    }

    /// Every path under `folder`, sorted.
    static func listing(_ folder: URL) throws -> [String] {
        let walker = FileManager.default.enumerator(atPath: folder.path)
        return (walker?.allObjects as? [String] ?? []).sorted()
    }
}
