import BizraSpec

/// SLA010.
public struct LoadTestConcurrencyShortfall: Rule {
    public static let identifier = "SLA010"
    public static let severity = Severity.error
    public static let summary = "a k6 scenario cannot produce its rate: `preAllocatedVUs` (given, or derived) below rate x p99 latency (Little's law)"
    public static let explanation = """
        A constant-arrival-rate scenario starts `rate` iterations per second; each keeps a virtual user busy for \
        the request's latency. By Little's law `rate × latency` users are busy at once, so with the SLA's p99 \
        fewer pre-allocated VUs than `rate × p99` cannot produce the rate: k6 drops iterations and the test \
        measures less load than it claims. Without `preAllocatedVUs` the generator allocates ceil(rate × p99 × 1.2).
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("benchmarks:\n  scenarios:\n    - { name: latency, type: constant-arrival-rate, rate: 1000rps, duration: 5m, preAllocatedVUs: 100 }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("benchmarks:\n  scenarios:\n    - { name: latency, type: constant-arrival-rate, rate: 1000rps, duration: 5m, preAllocatedVUs: 200 }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        let p99 = spec.sla.latency.p99
        return (spec.benchmarks?.scenarios ?? []).compactMap { scenario in
            guard case .constantArrivalRate(let rate, _, let preAllocated, _) = scenario.kind else { return nil }
            let needed = ArrivalRateConcurrency.required(rate: rate, latency: p99)
            let (vus, written) = ArrivalRateConcurrency.allocated(rate: rate, preAllocated: preAllocated, latency: p99)
            guard Double(vus) < needed else { return nil }
            let neededText = NumberText.decimal(needed.rounded(.up))
            return finding(
                "scenario '\(scenario.name)' has \(vus) VUs\(written ? "" : " (derived)") but \(rate) × p99 \(p99) needs \(neededText) in flight (Little's law); set preAllocatedVUs to at least \(neededText) (\(ArrivalRateConcurrency.derived(rate: rate, latency: p99)) with headroom)",
                at: written ? scenario.source["preAllocatedVUs"] : scenario.source["rate"],
                notes: [.init("p99 latency is \(p99) here", at: spec.sla.latency.source["p99"])])
        }
    }
}
