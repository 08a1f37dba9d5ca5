import ArgumentParser
import BizraSpec
import Foundation

/// `--spec` and `--env`, shared by every command that reads a spec.
struct SpecOptions: ParsableArguments {
    @Option(name: .long, help: "A spec file or folder (default: specs/ here, else the built-in reference spec).")
    var spec: String?

    @Option(name: .long, help: "Environment overlay to apply (specs/environments/NAME.yaml), or a Swift spec's environment.")
    var env: String?

    func validate() throws {
        if case let .swift(source) = CurrentSpecSource.value {
            if spec != nil { throw ValidationError("this program's spec is written in Swift; --spec reads YAML specs (bizra-gen)") }
            if let env, !source.environments.contains(env) {
                throw ValidationError("no environment '\(env)'; this spec has \(source.environments.isEmpty ? "none" : source.environments.joined(separator: ", "))")
            }
            return
        }
        if let spec, !FileManager.default.fileExists(atPath: spec) {
            throw ValidationError("no spec at '\(spec)'")
        }
    }

    /// The environments `--all-envs` builds besides the base spec: the overlays of the spec
    /// folder, or a Swift spec's ``BizraGenCommand/environments``.
    var environments: [String] {
        if case let .swift(source) = CurrentSpecSource.value { return source.environments }
        let folder = spec ?? (FileManager.default.fileExists(atPath: "specs") ? "specs" : nil)
        return folder.map(SpecLoader.environments(at:)) ?? []
    }

    /// Loads the spec: a Swift spec's, or the YAML at `--spec`; with neither and no specs/ folder,
    /// the built-in reference spec (said on stderr).
    func load() throws(SpecError) -> Spec {
        if case let .swift(source) = CurrentSpecSource.value { return try Self.built(source, environment: env) }
        if let spec { return try SpecLoader().load(path: spec, environment: env) }
        if FileManager.default.fileExists(atPath: "specs") {
            return try SpecLoader().load(path: "specs", environment: env)
        }
        Terminal.note("no specs/ folder here: using the built-in reference spec (bizra-gen init writes it)")
        let reference = try SpecLoader().loadReference()
        if let env, env != reference.platform.environment {
            throw SpecError([Finding(rule: "SPEC003",
                                     message: "the built-in reference spec has no environment '\(env)'", at: nil)])
        }
        return reference
    }

    /// A Swift spec, built; what it throws becomes findings (a ``SpecError``'s own, else one SPEC003
    /// naming the error), so that every command reports it as it reports a YAML spec that does not load.
    static func built(_ source: SwiftSpecSource, environment: String?) throws(SpecError) -> Spec {
        do {
            return try source.spec(environment)
        } catch let error as SpecError {
            throw error
        } catch {
            throw SpecError([Finding(rule: "SPEC003", message: "the spec could not be built: \(error)", at: nil)])
        }
    }

    /// The loaded spec; when it does not load, its findings are printed as text and the
    /// command exits with `status`.
    func loadOrExit(status: Int32) throws -> Spec {
        do {
            return try load()
        } catch {
            DiagnosticFormat.text.print(error.findings)
            throw ExitCode(status)
        }
    }
}
