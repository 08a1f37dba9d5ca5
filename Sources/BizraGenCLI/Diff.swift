import ArgumentParser
import BizraGenKit
import BizraRules
import BizraSpec
import Foundation

/// `bizra-gen diff OLD NEW` / `bizra-gen diff --against-build OLD`: what a change does to the cluster.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two output trees object by object, field by field.",
        discussion: """
            Objects are matched by identity (API group, kind, namespace, name) wherever they are written, \
            and compared by meaning: key order, quoting and comments do not count. Each change is printed \
            with its YAML path; items of lists of named things (containers, ports, env) are matched by \
            name: spec.template.spec.containers[name=bizra-node0].image: "a" -> "b". Files that are not \
            YAML (VCL, k6 scripts) are compared line by line.

            Examples:
              bizra-gen diff out-main/production out/production
              bizra-gen diff --against-build out/production    # what `build` would change
              bizra-gen diff --against-build out/staging --env staging --format json

            Exit status: 0 no difference, 1 differences, 2 usage or input/output errors.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The old output tree (a folder such as out/production).", completion: .directory)
    var old: String

    @Argument(help: "The new output tree; omit with --against-build.", completion: .directory)
    var new: String?

    @Flag(name: .long, help: "Compare OLD with a fresh build of the spec (--spec, --env) instead of a second folder.")
    var againstBuild = false

    @OptionGroup var spec: SpecOptions

    @Option(name: .long, help: "text (coloured on a terminal, plain otherwise) or json (one object on stdout).")
    var format: Format = .text

    func validate() throws {
        if againstBuild && new != nil { throw ValidationError("give either NEW or --against-build, not both") }
        if !againstBuild && new == nil { throw ValidationError("missing NEW: give two output folders, or one with --against-build") }
    }

    func run() throws {
        let before = try tree(at: old)
        let after: OutputTree
        if let new {
            after = try tree(at: new)
        } else {
            after = try freshBuild()
        }
        let diff = TreeDiff(old: before, new: after)
        switch format {
        case .text:
            let text = TreeDiffText(color: Terminal.stdoutUsesColor).render(diff)
            Terminal.out(text)
        case .json:
            Terminal.out(JSONText.render(TreeDiffJSON.object(diff)))
        }
        if !diff.isEmpty { throw ExitCode(1) }
    }

    private func tree(at path: String) throws -> OutputTree {
        do {
            guard let tree = try OutputTree.read(folder: path) else {
                Terminal.error("error: no output tree at '\(path)'")
                throw ExitCode(2)
            }
            return tree
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(2)
        }
    }

    /// The tree `bizra-gen build` would write; a spec that fails its checks is a usage error here.
    private func freshBuild() throws -> OutputTree {
        let loaded = try spec.loadOrExit(status: 2)
        let findings = SpecChecker().check(loaded)
        if findings.errorCount > 0 {
            DiagnosticFormat.text.print(findings)
            Terminal.error("error: the spec has errors; fix them before comparing with a build")
            throw ExitCode(2)
        }
        do {
            return try BuildPipeline().plan(loaded)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(2)
        }
    }
}
