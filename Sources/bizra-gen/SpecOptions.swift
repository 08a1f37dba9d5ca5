import ArgumentParser
import BizraSpec
import Foundation

/// `--spec` and `--env`, shared by every command that reads a spec.
struct SpecOptions: ParsableArguments {
    @Option(name: .long, help: "A spec file or folder (default: specs/ here, else the built-in reference spec).")
    var spec: String?

    @Option(name: .long, help: "Environment overlay to apply (specs/environments/NAME.yaml).")
    var env: String?

    func validate() throws {
        if let spec, !FileManager.default.fileExists(atPath: spec) {
            throw ValidationError("no spec at '\(spec)'")
        }
    }

    /// Loads the spec; with no `--spec` and no specs/ folder, the built-in reference spec (said on stderr).
    func load() throws(SpecError) -> Spec {
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
