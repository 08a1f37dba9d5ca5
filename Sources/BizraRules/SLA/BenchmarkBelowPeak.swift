import BizraSpec

/// SLA011.
public struct BenchmarkBelowPeak: Rule {
    public static let identifier = "SLA011"
    public static let severity = Severity.warning
    public static let summary = "no benchmark scenario drives the SLA's peak throughput"
    public static let explanation = """
        The load tests are the evidence that the SLA holds. If no constant-arrival-rate scenario reaches the \
        SLA's peak throughput, the peak is promised but never measured.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("benchmarks:\n  scenarios:\n    - { name: throughput, type: constant-arrival-rate, rate: 5000rps, duration: 5m }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("benchmarks:\n  scenarios:\n    - { name: throughput, type: constant-arrival-rate, rate: 12000rps, duration: 5m }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let benchmarks = spec.benchmarks else { return [] }
        let peak = spec.sla.throughput.peak
        var highest: (Rate, Benchmarks.Scenario)?
        for scenario in benchmarks.scenarios {
            if case .constantArrivalRate(let rate, _, _, _) = scenario.kind, highest.map({ $0.0 < rate }) ?? true {
                highest = (rate, scenario)
            }
        }
        if let highest, !(highest.0 < peak) { return [] }
        var notes: [Finding.Note] = [.init("the peak is \(peak) here", at: spec.sla.throughput.source["peak"])]
        if let highest { notes.insert(.init("the highest rate is \(highest.0), in scenario '\(highest.1.name)'", at: highest.1.source["rate"]), at: 0) }
        return [finding("no benchmark scenario drives the SLA's peak \(peak); add a constant-arrival-rate scenario at rate \(peak)",
                        at: benchmarks.source["scenarios"], notes: notes)]
    }
}
