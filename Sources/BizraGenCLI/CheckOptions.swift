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

    /// The spec's findings and, when it has no error, the OUT rules' on the objects it plans,
    /// printed together once with the summary line, also when there are none or the spec does
    /// not load; exits 1 on an error (or any finding with --warnings-as-errors).
    func checkedPlan(_ options: SpecOptions) throws {
        let spec = try loaded(options, summarized: true)
        let findings: [Finding]
        do {
            findings = try BuildPipeline().findings(for: spec)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(2)
        }
        try report(findings, summarized: true)
    }

    /// The loaded spec when no check fails; otherwise the findings are printed and the command exits 1.
    func checkedSpec(_ options: SpecOptions) throws -> Spec {
        let spec = try loaded(options)
        try report(SpecChecker().check(spec))
        return spec
    }

    /// The spec, or its load findings printed and exit 1.
    private func loaded(_ options: SpecOptions, summarized: Bool = false) throws -> Spec {
        do {
            return try options.load()
        } catch {
            format.print(error.findings, summarized: summarized)
            throw ExitCode(1)
        }
    }

    /// Prints `findings`; exit 1 when one is an error (or any is, with --warnings-as-errors).
    private func report(_ findings: [Finding], summarized: Bool = false) throws {
        format.print(findings, summarized: summarized)
        if findings.errorCount > 0 || (warningsAsErrors && !findings.unsuppressed.isEmpty) {
            throw ExitCode(1)
        }
    }
}
