import ArgumentParser
import BizraGenKit
import BizraSpec
import Foundation

/// `bizra-gen build`: check, then write `out/<environment>/` atomically (or, with `--check`, compare).
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the spec, then write out/<environment>/ (nothing is written when a check fails).",
        discussion: """
            The output folder is replaced atomically and only files whose content changes are rewritten. \
            With --check nothing is written: the command compares a fresh build with the folder and, when \
            they differ, lists object by object what was added, removed or changed, in which file (then \
            the fields), and exits 1: the CI gate that keeps the committed out/ in step with specs/.

            Environments: specs/environments/NAME.yaml overlays the base spec (maps merge deeply, named \
            lists merge by name, other lists replace); --env NAME builds out/<NAME>/, --all-envs builds \
            the base and every overlay.

            Examples:
              bizra-gen build                      # specs/ -> out/<environment>/
              bizra-gen build --env staging        # + environments/staging.yaml
              bizra-gen build --check              # write nothing; exit 1 if out/ is stale
              bizra-gen build --all-envs --check   # the CI gate, every environment
              bizra-gen build --spec shop.yaml --out manifests --warnings-as-errors
              bizra-gen build --templates my-templates  # overrides built-in templates
            """)

    @OptionGroup var spec: SpecOptions
    @OptionGroup var checks: CheckOptions

    @Option(name: .long, help: "Output folder; the environment's files go to DIR/<environment>/.")
    var out = "out"

    @Flag(name: .long, help: "Write nothing; exit 1 and list the objects and files that differ when the output folder is stale.")
    var check = false

    @Flag(name: .long, help: "Build the base spec and every environments/*.yaml overlay (with --check: check them all).")
    var allEnvs = false

    @Option(name: .long, help: "A folder of templates overriding the built-in ones, file by file.")
    var templates: String?

    func validate() throws {
        if let templates, !FileManager.default.fileExists(atPath: templates) {
            throw ValidationError("no templates folder at '\(templates)'")
        }
        if allEnvs && spec.env != nil {
            throw ValidationError("--all-envs builds every environment; leave out --env")
        }
    }

    func run() throws {
        guard allEnvs else {
            let command = CurrentSpecSource.commandName
            try build(spec, hint: spec.env.map { "\(command) build --env \($0)" } ?? "\(command) build")
            return
        }
        let overlays = spec.environments
        var written: [String: String] = [:]
        var stale = false
        for environment in [nil] + overlays.map(Optional.some) {
            var options = spec
            options.env = environment
            do {
                let name = try build(options, hint: "\(CurrentSpecSource.commandName) build --all-envs", skipping: written)
                written[name] = environment ?? "the base spec"
            } catch let exit as ExitCode where exit == ExitCode(1) && check {
                stale = true
            }
        }
        if stale { throw ExitCode(1) }
    }

    /// Builds (or checks) one environment; returns the name of the folder it wrote or checked.
    @discardableResult
    private func build(_ options: SpecOptions, hint: String, skipping taken: [String: String] = [:]) throws -> String {
        let loaded = try checks.checkedSpec(options)
        let environment = loaded.platform.environment
        if let other = taken[environment] {
            Terminal.error("error: \(options.env.map { "environments/\($0).yaml" } ?? "the base spec") and \(other) "
                           + "both set platform.environment '\(environment)'; each environment needs its own")
            throw ExitCode(2)
        }
        let tree: OutputTree
        do {
            let set = try templates.map { try TemplateSet(overridingWith: URL(fileURLWithPath: $0)) } ?? .embedded
            tree = try BuildPipeline(templates: set).plan(loaded)
        } catch let failure as OutputCheckFailure {
            checks.format.print(failure.findings)
            throw ExitCode(1)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(2)
        }
        let writer = OutputWriter(outRoot: URL(fileURLWithPath: out))
        let target = (out as NSString).appendingPathComponent(environment)
        do {
            if check {
                try checkDrift(of: tree, with: writer, in: environment, target: target, hint: hint)
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
        // The spec and the files are freed off the critical path: the process is about to finish.
        releaseInBackground((consume loaded, consume tree))
        return environment
    }

    /// Exit 1 with the drift, object by object, when the folder differs from `tree` in any byte.
    private func checkDrift(of tree: OutputTree, with writer: OutputWriter, in environment: String,
                            target: String, hint: String) throws {
        let drift = try writer.stale(tree, in: environment)
        guard !drift.isEmpty else {
            Terminal.error("\(target) is up to date (\(tree.files.count) files)")
            return
        }
        guard let existing = try writer.read(subdir: environment) else {
            Terminal.error("\(target) does not exist (\(tree.files.count) files to write); run `\(hint)`")
            throw ExitCode(1)
        }
        Terminal.error("\(target) is stale; run `\(hint)`:")
        let diff = TreeDiff(old: existing, new: tree)
        Terminal.error(TreeDiffText(color: Terminal.stderrUsesColor, limit: 20).render(diff, includeFormatting: true))
        throw ExitCode(1)
    }
}
