import Foundation
import Testing
import Yams

/// The bytes of out/ depend only on the spec's meaning: not on time zone, locale, working
/// folder, the spec's folder name, how its sections are split into files, or key order.
@Suite struct DeterminismTests {
    let specs = CLIRunner.projectRoot.appendingPathComponent("specs")

    func build(spec: URL, from folder: URL, environment: [String: String]) throws -> [String: Data] {
        let result = try CLIRunner.run(["build", "--spec", spec.path, "--out", "out"], in: folder, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        return CLIRunner.tree(folder.appendingPathComponent("out"))
    }

    /// Every mapping's keys in reverse order, re-serialised (comments and layout change too).
    func reversedKeys(_ node: Node) -> Node {
        switch node {
        case .mapping(let mapping):
            return .mapping(Node.Mapping(mapping.reversed().map { ($0.key, reversedKeys($0.value)) }))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map(reversedKeys)))
        default:
            return node
        }
    }

    @Test func sameBytesUnderAnyTimeZoneLocaleFolderFileSplitOrKeyOrder() throws {
        let first = try CLIRunner.temporaryFolder(), second = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }

        let reference = try build(spec: specs, from: first, environment: ["TZ": "UTC", "LANG": "C", "LC_ALL": "C"])
        #expect(reference.keys.contains("production/clusters/us-east-1/k8s/01-namespaces.yaml"))

        // One file, sections in reverse order, keys reversed everywhere, in a folder with another name.
        let names = try FileManager.default.contentsOfDirectory(atPath: specs.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var merged: [(Node, Node)] = []
        for name in names.reversed() {
            let text = try String(contentsOf: specs.appendingPathComponent(name), encoding: .utf8)
            guard case .mapping(let mapping) = try Yams.compose(yaml: text)! else { continue }
            merged += mapping.map { ($0.key, $0.value) }
        }
        let shuffled = reversedKeys(.mapping(Node.Mapping(merged)))
        let other = second.appendingPathComponent("Another Spec Folder")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Yams.serialize(node: shuffled).write(to: other.appendingPathComponent("zz-all.yaml"), atomically: true, encoding: .utf8)

        let rebuilt = try build(spec: other, from: second,
                                environment: ["TZ": "Asia/Kathmandu", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"])
        #expect(rebuilt.keys.sorted() == reference.keys.sorted())
        for (path, bytes) in reference {
            #expect(rebuilt[path] == bytes, "\(path) differs")
        }
    }

    /// The work is spread over the cores; the bytes must not depend on how many there are.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset"), "taskset (util-linux) is not installed"))
    func sameBytesOnOneCoreAsOnEvery() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let everyCore = try CLIRunner.run(["build", "--all-envs", "--spec", specs.path, "--out", "every"], in: folder)
        #expect(everyCore.status == 0, "\(everyCore.stderr)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
        process.arguments = ["-c", "0", CLIRunner.binary.path, "build", "--all-envs", "--spec", specs.path, "--out", "one"]
        process.currentDirectoryURL = folder
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let every = CLIRunner.tree(folder.appendingPathComponent("every")), one = CLIRunner.tree(folder.appendingPathComponent("one"))
        #expect(every.count == 84)
        #expect(one == every)
    }

    @Test func generatedFilesCarryNoDatesOrPaths() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try build(spec: specs, from: folder, environment: [:])
        let year = String(Calendar(identifier: .gregorian).component(.year, from: Date()))
        for (path, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains(folder.path), "\(path) mentions the build folder")
            #expect(!text.contains(CLIRunner.projectRoot.path), "\(path) mentions the project folder")
            #expect(!text.contains("\(year)-"), "\(path) looks dated")
            #expect(text.hasSuffix("\n"), "\(path) must end with a newline")
            #expect(!text.contains("\r"), "\(path) must use LF only")
        }
    }
}
