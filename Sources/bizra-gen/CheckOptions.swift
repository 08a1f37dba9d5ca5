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
