import Foundation

/// What bizra-gen reads from a k6 summary: the file `k6 run --summary-export FILE` writes
/// (metrics as `{"p(95)": ms, "value": rate, "thresholds": {"p(95)<100": crossed}}`), or the
/// `handleSummary` form (metrics as `{"values": {...}, "thresholds": {"...": {"ok": bool}}}`).
public struct K6Summary: Equatable, Sendable {
    /// Why a file is not a k6 summary.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }
    }

    /// The scenario: the file's name without `.json` (bench/run-benchmarks.sh writes `<scenario>.json`).
    public var scenario: String
    /// `http_req_duration` statistics in milliseconds, by k6's name: `med`, `p(95)`, `p(99)`...
    public var durations: [String: Double]
    /// `http_req_failed`'s rate (0...1).
    public var failedRate: Double?
    /// `checks`' pass rate (0...1).
    public var checksRate: Double?
    /// `http_reqs`' rate per second.
    public var requestRate: Double?
    /// Threshold expressions by metric (`http_req_duration` -> `p(99)<200`) with whether each held.
    public var thresholds: [String: [String: Bool]]

    public init(scenario: String, durations: [String: Double], failedRate: Double?, checksRate: Double?,
                requestRate: Double?, thresholds: [String: [String: Bool]] = [:]) {
        self.scenario = scenario
        self.durations = durations
        self.failedRate = failedRate
        self.checksRate = checksRate
        self.requestRate = requestRate
        self.thresholds = thresholds
    }

    /// Reads the summary at `path`.
    public init(contentsOf path: String) throws(ReadError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReadError(file: path, message: "cannot read: \(error.localizedDescription)")
        }
        let name = (path as NSString).lastPathComponent
        try self.init(data: data, scenario: name.hasSuffix(".json") ? String(name.dropLast(5)) : name, file: path)
    }

    /// Reads a summary from its JSON.
    public init(data: Data, scenario: String, file: String = "summary.json") throws(ReadError) {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ReadError(file: file, message: "not a JSON object")
        }
        guard let metrics = root["metrics"] as? [String: Any], metrics["http_req_duration"] != nil else {
            throw ReadError(file: file, message: "not a k6 summary: no metrics.http_req_duration (write it with `k6 run --summary-export FILE`)")
        }
        func values(_ metric: String) -> [String: Double] {
            guard let object = metrics[metric] as? [String: Any] else { return [:] }
            let source = object["values"] as? [String: Any] ?? object
            var numbers: [String: Double] = [:]
            for (key, value) in source {
                if let number = value as? NSNumber { numbers[key] = number.doubleValue }
            }
            return numbers
        }
        func thresholds(_ metric: String) -> [String: Bool] {
            guard let object = metrics[metric] as? [String: Any], let map = object["thresholds"] as? [String: Any] else { return [:] }
            var held: [String: Bool] = [:]
            for (expression, value) in map {
                if let ok = (value as? [String: Any])?["ok"] as? Bool {
                    held[expression] = ok
                } else if let crossed = value as? Bool {
                    held[expression] = !crossed
                }
            }
            return held
        }
        let failed = values("http_req_failed"), checks = values("checks")
        self.init(scenario: scenario,
                  durations: values("http_req_duration"),
                  failedRate: failed["value"] ?? failed["rate"],
                  checksRate: checks["value"] ?? checks["rate"],
                  requestRate: values("http_reqs")["rate"],
                  thresholds: ["http_req_duration", "http_req_failed", "checks"].reduce(into: [:]) { result, metric in
                      let map = thresholds(metric)
                      if !map.isEmpty { result[metric] = map }
                  })
    }
}
