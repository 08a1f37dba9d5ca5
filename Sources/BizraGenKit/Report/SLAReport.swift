import BizraSpec
import Foundation

/// The SLA compliance matrix of k6 runs: for each summary, each SLA target the run measures
/// (latency percentiles, error rate, checks) with the measured value and a status. Targets come
/// from the spec's `sla`, never from the scripts: a summary is judged against the spec in force.
public struct SLAReport: Sendable {
    /// How a row came out.
    public enum Status: String, Sendable {
        case pass
        case missed
        /// The run did not measure it (k6 leaves `p(99)` out unless `--summary-trend-stats` asks for it).
        case notMeasured = "not measured"
    }

    public struct Row: Sendable {
        public var scenario: String
        public var metric: String
        /// `< 100ms`, `< 1%`, `>= 99%`.
        public var target: String
        public var targetValue: Double
        public var measured: String
        public var measuredValue: Double?
        public var unit: String
        public var status: Status
        /// Whether missing it fails the report (p95 latency and error rate).
        public var blocking: Bool
    }

    public var environment: String
    public var rows: [Row]

    /// Missed blocking targets: the report's exit status is 1 when there is any.
    public var blockingMisses: [Row] { rows.filter { $0.blocking && $0.status == .missed } }
    public var passed: Bool { blockingMisses.isEmpty }

    public init(sla: SLA, environment: String, summaries: [K6Summary]) {
        self.environment = environment
        var rows: [Row] = []
        for summary in summaries {
            let latency: [(String, String, TimeSpan, Bool)] = [
                ("p50 latency", "med", sla.latency.p50, false),
                ("p95 latency", "p(95)", sla.latency.p95, true),
                ("p99 latency", "p(99)", sla.latency.p99, false),
            ]
            for (metric, stat, target, blocking) in latency {
                let limit = Double(target.milliseconds)
                let measured = summary.durations[stat]
                var status: Status = measured.map { $0 < limit ? .pass : .missed } ?? .notMeasured
                var text = measured.map { Self.milliseconds($0) } ?? "-"
                // Without the statistic, the script's own threshold on the same target still tells.
                if measured == nil, let held = summary.thresholds["http_req_duration"]?["\(stat == "med" ? "p(50)" : stat)<\(NumberText.decimal(limit))"] {
                    status = held ? .pass : .missed
                    text = held ? "under target (k6 threshold)" : "over target (k6 threshold)"
                }
                rows.append(Row(scenario: summary.scenario, metric: metric, target: "< \(target)", targetValue: limit,
                                measured: text, measuredValue: measured, unit: "ms", status: status, blocking: blocking))
            }
            let errorLimit = sla.errorRate.fraction
            rows.append(Row(scenario: summary.scenario, metric: "error rate", target: "< \(sla.errorRate)", targetValue: errorLimit,
                            measured: summary.failedRate.map(Self.percent) ?? "-", measuredValue: summary.failedRate, unit: "ratio",
                            status: summary.failedRate.map { $0 < errorLimit ? .pass : .missed } ?? .notMeasured, blocking: true))
            let checksTarget = 1 - errorLimit
            rows.append(Row(scenario: summary.scenario, metric: "checks passed", target: ">= \(Self.percent(checksTarget))",
                            targetValue: checksTarget, measured: summary.checksRate.map(Self.percent) ?? "-",
                            measuredValue: summary.checksRate, unit: "ratio",
                            status: summary.checksRate.map { $0 >= checksTarget ? .pass : .missed } ?? .notMeasured, blocking: false))
        }
        self.rows = rows
    }

    /// `3.92ms`.
    static func milliseconds(_ value: Double) -> String { "\(NumberText.decimal((value * 100).rounded() / 100))ms" }
    /// `0.5` is `50%`.
    static func percent(_ ratio: Double) -> String { "\(NumberText.decimal((ratio * 10_000).rounded() / 100))%" }
}

extension SLAReport {
    /// The matrix as a Markdown table, with a verdict line.
    public var markdown: String {
        var lines = ["# SLA compliance: \(environment)", "",
                     "| scenario | metric | target | measured | status |", "|---|---|---|---|---|"]
        for row in rows {
            let status = row.status == .missed && row.blocking ? "**MISSED** (blocking)" : row.status.rawValue
            lines.append("| \(row.scenario) | \(row.metric) | \(row.target) | \(row.measured) | \(status) |")
        }
        lines.append("")
        let misses = blockingMisses
        if misses.isEmpty {
            lines.append("Every blocking target (p95 latency, error rate) is met.")
        } else {
            lines.append("\(misses.count) blocking target\(misses.count == 1 ? "" : "s") missed: "
                         + misses.map { "\($0.scenario) \($0.metric) \($0.measured) (target \($0.target))" }.joined(separator: "; ") + ".")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"environment", "passed", "blockingMissed", "rows": [{"scenario", "metric", "target", "targetValue", "measured", "measuredValue", "unit", "status", "blocking"}]}`
    public var jsonObject: [String: Any] {
        [
            "environment": environment,
            "passed": passed,
            "blockingMissed": blockingMisses.count,
            "rows": rows.map { row -> [String: Any] in
                ["scenario": row.scenario, "metric": row.metric, "target": row.target, "targetValue": row.targetValue,
                 "measured": row.measured, "measuredValue": row.measuredValue ?? NSNull(), "unit": row.unit,
                 "status": row.status.rawValue, "blocking": row.blocking]
            },
        ]
    }
}
