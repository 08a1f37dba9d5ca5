import BizraGenKit
import ArgumentParser
import BizraRules
import BizraSpec

/// `--format` and `--warnings-as-errors`, and the load-then-check step every checking command runs.
struct CheckOptions: ParsableArguments {
    @Option(name: .long, help: "Diagnostics as text (stderr), json or sarif (stdout).")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "Treat warnings as errors.")
    var warningsAsErrors = false

    /// The loaded spec when no check fails; otherwise the findings are printed and the command exits 1.
    /// The spec's findings and, when it has no error, the OUT rules' on the objects it plans,
    /// printed together once; exits 1 on an error (or any finding with --warnings-as-errors).
    func checkedPlan(_ options: SpecOptions) throws {
        let spec: Spec
        do {
            spec = try options.load()
        } catch {
            format.print(error.findings)
            throw ExitCode(1)
        }
        var findings = SpecChecker().check(spec)
        if findings.errorCount == 0 {
            do {
                findings += OutputChecker().check(try BuildPipeline().plannedPlatform(spec))
            } catch {
                Terminal.error("error: \(error)")
                throw ExitCode(2)
            }
        }
        format.print(findings)
        if findings.errorCount > 0 || (warningsAsErrors && !findings.isEmpty) {
            throw ExitCode(1)
        }
        if format == .text && findings.isEmpty { Terminal.error("no findings") }
    }

    func checkedSpec(_ options: SpecOptions) throws -> Spec {
        let spec: Spec
        do {
            spec = try options.load()
        } catch {
            format.print(error.findings)
            throw ExitCode(1)
        }
        let findings = SpecChecker().check(spec)
        format.print(findings)
        if findings.errorCount > 0 || (warningsAsErrors && !findings.isEmpty) {
            throw ExitCode(1)
        }
        return spec
    }
}
