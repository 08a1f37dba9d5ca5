import ArgumentParser
import BizraSpec
import Foundation

/// `bizra-gen init [--minimal] [DIR]`: writes a spec to start from, the reference platform or a
/// small generic one.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a spec into DIR/specs/ to start from: the reference platform, or with --minimal a small generic one.",
        discussion: """
            The reference platform uses every section of the format; --minimal writes one file with \
            the required sections (version, platform, sla) and one service, which builds one cluster \
            with no caching, chaos or regions; each section is commented, the optional ones marked. \
            Nothing is written when DIR/specs/ already holds spec files, unless --force is given.

            Examples:
              bizra-gen init                       # ./specs/: the reference platform
              bizra-gen init --minimal shop        # shop/specs/platform.yaml, one service
              bizra-gen init --minimal --force     # replace the spec files of ./specs/
            """)

    @Argument(help: "Folder to create specs/ in.", completion: .directory)
    var directory = "."

    @Flag(name: .long, help: "Write a small generic platform (one service, one cluster, no chaos) instead of the reference spec.")
    var minimal = false

    @Flag(name: .long, help: "Replace existing spec files.")
    var force = false

    func run() throws {
        let folder = URL(fileURLWithPath: directory).appendingPathComponent("specs")
        let files = minimal ? EmbeddedMinimalSpec.all : EmbeddedReferenceSpec.all
        let names = files.keys.sorted()
        // Every spec file of the folder is read with the new ones, so any of them is in the way.
        let existing = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        if !existing.isEmpty && !force {
            Terminal.error("error: \(folder.path) already has \(existing.joined(separator: ", ")); use --force to replace")
            throw ExitCode(2)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in names {
                try Data(files[name]!.utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
            }
        } catch {
            Terminal.error("error: cannot write \(folder.path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let kept = existing.filter { !names.contains($0) }
        if !kept.isEmpty {
            Terminal.note("\(kept.joined(separator: ", ")) in \(folder.path) are still read with the new spec; remove them if they are not part of it")
        }
        let what = minimal ? "a minimal spec" : "the reference spec"
        Terminal.error("wrote \(what) to \(folder.path) (\(names.count == 1 ? "1 file" : "\(names.count) files")); next: bizra-gen validate, then bizra-gen build")
    }
}
