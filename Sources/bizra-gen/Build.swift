import ArgumentParser
import BizraGenKit
import BizraSpec
import Foundation

/// `bizra-gen build`: check, then write `out/<environment>/` atomically (or, with `--check`, compare).
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the spec, then write out/<environment>/ (nothing is written when a check fails).")

    @OptionGroup var spec: SpecOptions
    @OptionGroup var checks: CheckOptions

    @Option(name: .long, help: "Output folder; the environment's files go to DIR/<environment>/.")
    var out = "out"

    @Flag(name: .long, help: "Write nothing; exit 1 and list what differs when the output folder is stale.")
    var check = false

    @Option(name: .long, help: "A folder of templates overriding the built-in ones, file by file.")
    var templates: String?

    func validate() throws {
        if let templates, !FileManager.default.fileExists(atPath: templates) {
            throw ValidationError("no templates folder at '\(templates)'")
        }
    }

    func run() throws {
        let loaded = try checks.checkedSpec(spec)
        let environment = loaded.platform.environment
        let tree: OutputTree
        do {
            let set = try templates.map { try TemplateSet(overridingWith: URL(fileURLWithPath: $0)) } ?? .embedded
            tree = try BuildPipeline(templates: set).plan(loaded)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(2)
        }
        let writer = OutputWriter(outRoot: URL(fileURLWithPath: out))
        let target = (out as NSString).appendingPathComponent(environment)
        do {
            if check {
                let drift = try writer.stale(tree, in: environment)
                guard drift.isEmpty else {
                    Terminal.error("\(target) is stale; run `bizra-gen build`:")
                    for item in drift { Terminal.error("  \(item)") }
                    throw ExitCode(1)
                }
                Terminal.error("\(target) is up to date (\(tree.files.count) files)")
            } else {
                let report = try writer.write(tree, into: environment)
                Terminal.error(report.isUnchanged
                    ? "\(target) is up to date (\(tree.files.count) files)"
                    : "wrote \(target): \(report.written.count) written, \(report.unchanged.count) unchanged, \(report.removed.count) removed")
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(2)
        }
    }
}
