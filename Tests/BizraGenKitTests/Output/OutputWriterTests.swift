import Foundation
import Testing
@testable import BizraGenKit

@Suite("Output writer")
struct OutputWriterTests {
    static let tree = OutputTree.text([
        "k8s/01-namespaces.yaml": "a: 1\n",
        "k8s/02-config-secrets.yaml": "b: 2\n",
        "varnish/default.vcl": "vcl 4.1;\n",
        "bench/run-benchmarks.sh": "#!/bin/sh\n",
    ])

    @Test("a first write creates the tree with modes 0644 and 0755")
    func firstWrite() throws {
        let scratch = try Scratch()
        let writer = OutputWriter(outRoot: scratch.out)
        let report = try writer.write(Self.tree, into: "production")
        #expect(report.written == ["bench/run-benchmarks.sh", "k8s/01-namespaces.yaml", "k8s/02-config-secrets.yaml", "varnish/default.vcl"])
        #expect(report.unchanged.isEmpty && report.removed.isEmpty)
        #expect(try writer.read(subdir: "production") == Self.tree)
        #expect(try FileIdentity(scratch.path("out/production/k8s/01-namespaces.yaml")).mode == 0o644)
        #expect(try FileIdentity(scratch.path("out/production/k8s")).mode == 0o755)
        #expect(try FileIdentity(scratch.path("out/production")).mode == 0o755)
        #expect(try scratch.names("out") == [".bizra-gen.lock", "production"])
    }

    @Test("rewriting the same tree touches nothing")
    func unchangedRewrite() throws {
        let scratch = try Scratch()
        let writer = OutputWriter(outRoot: scratch.out)
        _ = try writer.write(Self.tree, into: "production")
        let paths = ["out/production"] + Self.tree.sortedPaths.map { "out/production/\($0)" }
        let before = try paths.map { try FileIdentity(scratch.path($0)) }
        usleep(20_000)
        let report = try writer.write(Self.tree, into: "production")
        #expect(report.isUnchanged)
        #expect(report.unchanged == Self.tree.sortedPaths)
        #expect(try paths.map { try FileIdentity(scratch.path($0)) } == before)
        #expect(try scratch.names("out") == [".bizra-gen.lock", "production"])
    }

    @Test("a changed file is the only file replaced; unchanged ones keep inode and mtime")
    func oneChange() throws {
        let scratch = try Scratch()
        let writer = OutputWriter(outRoot: scratch.out)
        _ = try writer.write(Self.tree, into: "production")
        let before = try Self.tree.sortedPaths.map { try FileIdentity(scratch.path("out/production/\($0)")) }
        var changed = Self.tree
        changed.files["k8s/02-config-secrets.yaml"] = Data("b: 3\n".utf8)
        changed.files["varnish/default.vcl"] = nil
        changed.files["k6/checkout.js"] = Data("export default 1\n".utf8)
        usleep(20_000)
        let report = try writer.write(changed, into: "production")
        #expect(report.written == ["k6/checkout.js", "k8s/02-config-secrets.yaml"])
        #expect(report.unchanged == ["bench/run-benchmarks.sh", "k8s/01-namespaces.yaml"])
        #expect(report.removed == ["varnish/default.vcl"])
        #expect(try writer.read(subdir: "production") == changed)
        #expect(try FileIdentity(scratch.path("out/production/bench/run-benchmarks.sh")) == before[0])
        #expect(try FileIdentity(scratch.path("out/production/k8s/01-namespaces.yaml")) == before[1])
        #expect(try FileIdentity(scratch.path("out/production/k8s/02-config-secrets.yaml")).inode != before[2].inode)
        #expect(try scratch.names("out") == [".bizra-gen.lock", "production"])
    }

    @Test("a failure while filling the new tree leaves the old tree and no temporary folder", arguments: [0, 1, 3])
    func failureWhileFilling(after files: Int) throws {
        let scratch = try Scratch()
        _ = try OutputWriter(outRoot: scratch.out).write(Self.tree, into: "production")
        let before = try FileIdentity(scratch.path("out/production/k8s/01-namespaces.yaml"))
        var failing = OutputWriter(outRoot: scratch.out)
        failing.injectedFailure = .afterFiles(files)
        var changed = Self.tree
        changed.files["k8s/01-namespaces.yaml"] = Data("changed\n".utf8)
        #expect(throws: OutputError.self) { try failing.write(changed, into: "production") }
        #expect(try OutputWriter(outRoot: scratch.out).read(subdir: "production") == Self.tree)
        #expect(try FileIdentity(scratch.path("out/production/k8s/01-namespaces.yaml")) == before)
        #expect(try scratch.names("out") == [".bizra-gen.lock", "production"])
    }

    @Test("a failure between moving the old tree aside and moving the new one in restores the old tree")
    func failureWhileSwapping() throws {
        let scratch = try Scratch()
        _ = try OutputWriter(outRoot: scratch.out).write(Self.tree, into: "production")
        var failing = OutputWriter(outRoot: scratch.out)
        failing.injectedFailure = .afterMovingOldTarget
        #expect(throws: OutputError.self) { try failing.write(.text(["new.yaml": "x: 1\n"]), into: "production") }
        #expect(try OutputWriter(outRoot: scratch.out).read(subdir: "production") == Self.tree)
        #expect(try scratch.names("out") == [".bizra-gen.lock", "production"])
    }

    @Test("a failed first write leaves no target and no temporary folder")
    func failedFirstWrite() throws {
        let scratch = try Scratch()
        var failing = OutputWriter(outRoot: scratch.out)
        failing.injectedFailure = .afterFiles(2)
        #expect(throws: OutputError.self) { try failing.write(Self.tree, into: "production") }
        #expect(try failing.read(subdir: "production") == nil)
        #expect(try scratch.names("out") == [".bizra-gen.lock"])
    }

    @Test("folders an interrupted write left behind are removed by the next write")
    func leftovers() throws {
        let scratch = try Scratch()
        let writer = OutputWriter(outRoot: scratch.out)
        _ = try writer.write(Self.tree, into: "production")
        for name in [".production.tmp-abc/k8s", ".production.old-def"] {
            try FileManager.default.createDirectory(atPath: scratch.path("out/\(name)"), withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(atPath: scratch.path("out/.staging.tmp-x"), withIntermediateDirectories: true)
        _ = try writer.write(Self.tree, into: "production")
        #expect(try scratch.names("out") == [".bizra-gen.lock", ".staging.tmp-x", "production"])
    }

    @Test("a write killed between moving the old tree aside and moving the new one in: the next write restores the old tree first")
    func killedWhileSwapping() throws {
        let scratch = try Scratch()
        let writer = OutputWriter(outRoot: scratch.out)
        _ = try writer.write(Self.tree, into: "production")
        let before = try FileIdentity(scratch.path("out/production/k8s/01-namespaces.yaml"))
        try FileManager.default.moveItem(atPath: scratch.path("out/production"), toPath: scratch.path("out/.production.old-abc"))
        try FileManager.default.createDirectory(atPath: scratch.path("out/.production.tmp-def"), withIntermediateDirectories: true)
        let report = try writer.write(Self.tree, into: "production")
        #expect(report.isUnchanged)
        #expect(try FileIdentity(scratch.path("out/production/k8s/01-namespaces.yaml")) == before)
        #expect(try scratch.names("out") == [".bizra-gen.lock", "production"])
    }

    @Test("stale lists added, removed and changed files in order")
    func stale() throws {
        let scratch = try Scratch()
        let writer = OutputWriter(outRoot: scratch.out)
        #expect(try writer.stale(.text(["b": "1", "a": "2"]), in: "production") == [
            FileDrift(path: "a", change: .added), FileDrift(path: "b", change: .added),
        ])
        #expect(!FileManager.default.fileExists(atPath: scratch.out.path))
        _ = try writer.write(Self.tree, into: "production")
        var fresh = Self.tree
        fresh.files["k8s/01-namespaces.yaml"] = Data("a: 2\n".utf8)
        fresh.files["varnish/default.vcl"] = nil
        fresh.files["k6/a.js"] = Data()
        let drift = try writer.stale(fresh, in: "production")
        #expect(drift.map(\.description) == ["added k6/a.js", "changed k8s/01-namespaces.yaml", "removed varnish/default.vcl"])
        #expect(try writer.stale(Self.tree, in: "production").isEmpty)
    }

    @Test("two writes at once on one root produce one complete tree")
    func concurrentWrites() throws {
        let scratch = try Scratch()
        let trees = (0..<2).map { index in
            OutputTree.text(Dictionary(uniqueKeysWithValues: (0..<20).map { ("k8s/file-\($0).yaml", "writer: \(index)\nfile: \($0)\n") }))
        }
        let out = scratch.out
        for _ in 0..<10 {
            let errors = ErrorBox()
            let group = DispatchGroup()
            for tree in trees {
                DispatchQueue.global().async(group: group) {
                    do { _ = try OutputWriter(outRoot: out).write(tree, into: "production") } catch { errors.append(error) }
                }
            }
            group.wait()
            #expect(errors.isEmpty)
            let result = try OutputWriter(outRoot: scratch.out).read(subdir: "production")
            #expect(result == trees[0] || result == trees[1])
            #expect(try scratch.names("out") == [".bizra-gen.lock", "production"])
        }
    }
}

/// Errors collected from several threads.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []

    func append(_ error: any Error) {
        lock.withLock { errors.append(error) }
    }

    var isEmpty: Bool {
        lock.withLock { errors.isEmpty }
    }
}
