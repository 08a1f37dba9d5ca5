import ArgumentParser
import BizraGenKit
import Foundation

/// The command line's entry point, for the `bizra-gen` executable and for ``BizraGenCommand``.
public enum BizraGenMain {
    /// Parses the process's arguments, runs the command and exits with its status: 0 ok, 1
    /// findings, 2 usage or input/output errors (argument-parser's own 64 becomes 2).
    public static func run(source: SpecSource = .yaml) -> Never {
        CurrentSpecSource.value = source
        let root: any ParsableCommand.Type = switch source {
        case .yaml: BizraGen.self
        case .swift: SwiftSpecCommand.self
        }
        do {
            var command = try root.parseAsRoot(nil)
            try command.run()
            exit(0)
        } catch {
            let code = root.exitCode(for: error)
            let message = root.fullMessage(for: error)
            if !message.isEmpty {
                // Help, version and completion scripts are the answer, so they go to stdout.
                let stream = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                stream.write(Data((message + "\n").utf8))
            }
            if code == .success || code == .failure || code.rawValue == 2 {
                exit(code.rawValue)
            }
            exit(error is CleanExit ? 0 : 2)
        }
    }
}

/// The root command of a Swift program's platform: `bizra-gen`'s subcommands but `init`, under
/// the program's own name.
struct SwiftSpecCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: CurrentSpecSource.commandName,
            abstract: "Compile this platform's Swift spec into Kubernetes manifests, a Varnish VCL and k6 load tests.",
            discussion: """
                The spec is this program's (BizraGenCommand); every command behaves as bizra-gen's does on a \
                YAML spec. Exit status: 0 ok, 1 findings, 2 usage or input/output errors.
                """,
            version: BizraGenVersion.current,
            subcommands: [Validate.self, Build.self, Diff.self, Graph.self, Report.self, Schema.self, Rules.self, Explain.self])
    }
}
