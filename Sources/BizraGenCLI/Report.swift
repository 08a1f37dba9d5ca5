import ArgumentParser
import BizraGenKit
import BizraSpec

/// `bizra-gen report SUMMARY.json...`: the SLA compliance matrix of k6 runs.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the SLA compliance matrix of k6 summaries; exit 1 when a blocking target is missed.",
        discussion: """
            Reads the files `k6 run --summary-export FILE` writes (bench/run-benchmarks.sh writes one \
            per scenario, named <scenario>.json) and judges each against the spec's sla: p50, p95 and \
            p99 latency, error rate, and the share of passed checks. p95 latency and error rate are \
            blocking: missing either exits 1. k6 leaves p99 out of its summary unless asked \
            (--summary-trend-stats "avg,min,med,max,p(90),p(95),p(99)"); the script's own p99 \
            threshold is used then.

            Examples:
              OUT=bench-results bash out/production/bench/run-benchmarks.sh
              bizra-gen report bench-results/*.json      # Markdown, e.g. for a PR comment
              bizra-gen report --env staging --format json bench-results/*.json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    @Argument(help: "k6 summary files (--summary-export), one per scenario.", completion: .file(extensions: ["json"]))
    var summaries: [String]

    @OptionGroup var spec: SpecOptions

    @Option(name: .long, help: "markdown or json.")
    var format: Format = .markdown

    func validate() throws {
        if summaries.isEmpty { throw ValidationError("give at least one k6 summary file") }
    }

    func run() throws {
        let loaded = try spec.loadOrExit(status: 2)
        var read: [K6Summary] = []
        for path in summaries {
            do {
                read.append(try K6Summary(contentsOf: path))
            } catch {
                Terminal.error("error: \(error)")
                throw ExitCode(2)
            }
        }
        let report = SLAReport(sla: loaded.sla, environment: loaded.platform.environment, summaries: read)
        switch format {
        case .markdown: Terminal.out(report.markdown)
        case .json: Terminal.out(JSONText.render(report.jsonObject))
        }
        if !report.passed { throw ExitCode(1) }
    }
}
