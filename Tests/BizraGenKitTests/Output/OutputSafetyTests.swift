import Foundation
import Testing
@testable import BizraGenKit

@Suite("Output writer safety")
struct OutputSafetyTests {
    static let tree = OutputTree.text(["k8s/a.yaml": "a: 1\n", "b.txt": "b\n"])

    @Test("a symlink inside the target is refused, and nothing outside the root is touched")
    func symlinkInside() throws {
        let scratch = try Scratch()
        let writer = OutputWriter(outRoot: scratch.out)
        _ = try writer.write(Self.tree, into: "production")
        try "outside\n".write(toFile: scratch.path("outside.txt"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("out/production/k8s/link.yaml"), withDestinationPath: scratch.path("outside.txt"))
        #expect(throws: OutputError.symlink(path: scratch.path("out/production/k8s/link.yaml"))) {
            try writer.write(.text(["k8s/a.yaml": "changed\n", "k8s/link.yaml": "x"]), into: "production")
        }
        #expect(throws: OutputError.self) { try writer.read(subdir: "production") }
        #expect(try String(contentsOfFile: scratch.path("outside.txt"), encoding: .utf8) == "outside\n")
        #expect(try String(contentsOfFile: scratch.path("out/production/k8s/a.yaml"), encoding: .utf8) == "a: 1\n")
        #expect(try scratch.names("out") == [".bizra-gen.lock", "production"])
    }

    @Test("a symlinked folder inside the target is refused")
    func symlinkedFolder() throws {
        let scratch = try Scratch()
        let writer = OutputWriter(outRoot: scratch.out)
        _ = try writer.write(Self.tree, into: "production")
        try FileManager.default.createDirectory(atPath: scratch.path("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("out/production/k6"), withDestinationPath: scratch.path("elsewhere"))
        #expect(throws: OutputError.symlink(path: scratch.path("out/production/k6"))) {
            try writer.write(.text(["k6/a.js": "x"]), into: "production")
        }
        #expect(try scratch.names("elsewhere").isEmpty)
    }

    @Test("a symlink as the target or as the root is refused")
    func symlinkTargetOrRoot() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("real/production"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("linked-root"), withDestinationPath: scratch.path("real"))
        #expect(throws: OutputError.symlink(path: scratch.path("linked-root"))) {
            try OutputWriter(outRoot: scratch.url.appendingPathComponent("linked-root")).write(Self.tree, into: "production")
        }
        try FileManager.default.createDirectory(atPath: scratch.path("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("out/production"), withDestinationPath: scratch.path("real/production"))
        #expect(throws: OutputError.symlink(path: scratch.path("out/production"))) {
            try OutputWriter(outRoot: scratch.out).write(Self.tree, into: "production")
        }
        #expect(try scratch.names("real/production").isEmpty)
        #expect(try scratch.names("out") == [".bizra-gen.lock", "production"])
    }

    @Test("a file where the target folder should be is refused")
    func fileAsTarget() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("out"), withIntermediateDirectories: true)
        try "x".write(toFile: scratch.path("out/production"), atomically: false, encoding: .utf8)
        #expect(throws: OutputError.unexpectedFileType(path: scratch.path("out/production"), found: "a regular file")) {
            try OutputWriter(outRoot: scratch.out).write(Self.tree, into: "production")
        }
    }

    @Test("paths that are not plain relative paths are refused before anything is written", arguments: [
        "../x", "/etc/passwd", "a//b", "a/", "", "a/./b", "k8s/../../x", "a\u{0}b",
    ])
    func badPath(_ path: String) throws {
        let scratch = try Scratch()
        #expect(throws: OutputError.self) {
            try OutputWriter(outRoot: scratch.out).write(.text(["ok.yaml": "x", path: "y"]), into: "production")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.out.path))
        #expect(try scratch.names(".").isEmpty)
    }

    @Test("a path that is both a file and a folder is refused")
    func fileAndFolder() throws {
        let scratch = try Scratch()
        #expect(throws: OutputError.invalidPath("k8s", reason: "it is both a file and a folder")) {
            try OutputWriter(outRoot: scratch.out).write(.text(["k8s": "x", "k8s/a.yaml": "y"]), into: "production")
        }
    }

    @Test("output folder names must be one plain name", arguments: ["..", "../x", "a/b", "", ".hidden", "."])
    func badSubdir(_ subdir: String) throws {
        let scratch = try Scratch()
        #expect(throws: OutputError.self) { try OutputWriter(outRoot: scratch.out).write(Self.tree, into: subdir) }
        #expect(throws: OutputError.self) { try OutputWriter(outRoot: scratch.out).read(subdir: subdir) }
        #expect(try scratch.names(".").isEmpty)
    }

    @Test("errors name the path and say why")
    func messages() {
        #expect(OutputError.invalidPath("../x", reason: "it has a '.' or '..' component").description
            == "invalid output path \"../x\": it has a '.' or '..' component")
        #expect(OutputError.io(path: "/o/p", operation: "create file", errno: 28).description
            == "cannot create file /o/p: No space left on device (errno 28)")
        #expect(OutputError.symlink(path: "/o/p/l").description.hasPrefix("/o/p/l is a symbolic link"))
    }
}
