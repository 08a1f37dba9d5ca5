import ArgumentParser
import BizraSpec
import Foundation

/// `bizra-gen init [DIR]`: writes the reference spec to start from.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Write the reference spec into DIR/specs/ to start from.")

    @Argument(help: "Folder to create specs/ in.")
    var directory = "."

    @Flag(name: .long, help: "Replace existing spec files.")
    var force = false

    func run() throws {
        let folder = URL(fileURLWithPath: directory).appendingPathComponent("specs")
        let names = EmbeddedReferenceSpec.all.keys.sorted()
        let existing = names.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
        if !existing.isEmpty && !force {
            Terminal.error("error: \(folder.path) already has \(existing.joined(separator: ", ")); use --force to replace")
            throw ExitCode(2)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in names {
                try Data(EmbeddedReferenceSpec.all[name]!.utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
            }
        } catch {
            Terminal.error("error: cannot write \(folder.path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        Terminal.error("wrote the reference spec to \(folder.path) (\(names.count) files); next: bizra-gen build")
    }
}
