import ArgumentParser
import BizraSpec
import Foundation

/// A platform written in the Swift DSL, with the whole `bizra-gen` command line:
///
/// ```swift
/// import BizraGenCLI
/// import BizraSpec
///
/// @main struct Shop: BizraGenCommand {
///     static let environments = ["staging"]
///     static func spec(environment: String?) throws -> Spec {
///         Spec(platform: Platform(name: "shop", environment: environment ?? "production", ...), sla: ...)
///     }
/// }
/// ```
///
/// `swift run shop validate|build|diff|graph|report|schema|rules|explain` then behave as
/// `bizra-gen` does on a YAML spec: the same checks (located at the DSL's source lines), options,
/// output formats, exit codes and atomic `out/`. `--env NAME` asks ``spec(environment:)`` for
/// that environment; `--all-envs` builds the base spec (`nil`) and every one of ``environments``.
/// There is no `--spec` (the spec is the program) and no `init`.
public protocol BizraGenCommand {
    /// The platform for `environment` (nil: the base spec). A thrown ``SpecError`` is printed as
    /// its findings; any other error as a message (exit 2).
    static func spec(environment: String?) throws -> Spec

    /// The environments `--all-envs` builds besides the base spec (default: none).
    static var environments: [String] { get }
}

extension BizraGenCommand {
    /// None: only the base spec.
    public static var environments: [String] { [] }

    /// Runs the command line with this type's spec, then exits with its status.
    public static func main() {
        BizraGenMain.run(source: .swift(SwiftSpecSource(spec: spec(environment:), environments: environments)))
    }
}

/// Where the commands get their spec: YAML files (`--spec`, `specs/`, the built-in reference) or
/// a Swift program's ``BizraGenCommand``.
public enum SpecSource: Sendable {
    /// YAML files: `--spec`, `specs/`, or the built-in reference.
    case yaml
    /// A Swift program's spec, built in the DSL.
    case swift(SwiftSpecSource)
}

/// A DSL spec's builder and its environments.
public struct SwiftSpecSource: Sendable {
    /// The spec for an environment (nil: the base spec).
    public var spec: @Sendable (String?) throws -> Spec
    /// The environments `--all-envs` builds besides the base spec.
    public var environments: [String]

    /// A source of a builder and its environments.
    public init(spec: @escaping @Sendable (String?) throws -> Spec, environments: [String]) {
        self.spec = spec
        self.environments = environments
    }
}

/// The process-wide spec source, set once by ``BizraGenMain/run(source:)`` before the command
/// line is parsed (argument-parser builds the commands from their types).
enum CurrentSpecSource {
    nonisolated(unsafe) static var value: SpecSource = .yaml

    /// What the user types to run the commands: `bizra-gen`, or the Swift program's name.
    static var commandName: String {
        switch value {
        case .yaml: "bizra-gen"
        case .swift: (CommandLine.arguments.first as NSString?)?.lastPathComponent ?? "platform"
        }
    }
}
