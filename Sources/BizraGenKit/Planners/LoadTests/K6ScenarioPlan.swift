import BizraSpec

/// One k6 scenario's executor settings, every number taken or derived from the spec.
public struct K6ScenarioPlan: Equatable, Sendable {
    public enum Executor: Equatable, Sendable {
        /// `rate` iterations per `timeUnit`, with Little's-law VUs when the spec gives none.
        case constantArrivalRate(rate: Int, timeUnit: String, duration: String, preAllocatedVUs: Int, maxVUs: Int)
        case rampingVUs(stages: [(target: Int, duration: String)])
        case constantVUs(vus: Int, duration: String)

        public static func == (lhs: Executor, rhs: Executor) -> Bool {
            switch (lhs, rhs) {
            case let (.constantArrivalRate(a, b, c, d, e), .constantArrivalRate(f, g, h, i, j)):
                a == f && b == g && c == h && d == i && e == j
            case let (.rampingVUs(a), .rampingVUs(b)):
                a.count == b.count && zip(a, b).allSatisfy { $0.target == $1.target && $0.duration == $1.duration }
            case let (.constantVUs(a, b), .constantVUs(c, d)):
                a == c && b == d
            default:
                false
            }
        }
    }

    public var name: String
    /// The k6 executor name: `constant-arrival-rate`, `ramping-vus`, `constant-vus`.
    public var executorName: String
    public var executor: Executor

    public init(_ scenario: Benchmarks.Scenario, sla: SLA) {
        name = scenario.name
        executorName = scenario.kind.typeName
        switch scenario.kind {
        case let .constantArrivalRate(rate, duration, preAllocated, maxVUs):
            let (perUnit, unit) = K6ScenarioPlan.rate(rate)
            let vus = preAllocated ?? LittlesLaw.virtualUsers(rate: rate, latency: sla.latency.p99)
            executor = .constantArrivalRate(rate: perUnit, timeUnit: unit, duration: duration.goDescription,
                                            preAllocatedVUs: vus, maxVUs: max(maxVUs ?? vus, vus))
        case let .rampingVUs(stages):
            executor = .rampingVUs(stages: stages.map { (target: $0.target, duration: $0.duration.goDescription) })
        case let .constantVUs(vus, duration):
            executor = .constantVUs(vus: vus, duration: duration.goDescription)
        }
    }

    /// k6 takes whole iterations per time unit: per second when the rate is whole, else per minute.
    static func rate(_ rate: Rate) -> (Int, String) {
        let perSecond = rate.perSecond
        if perSecond == perSecond.rounded() { return (Int(perSecond), "1s") }
        let perMinute = (perSecond * 60 * 1e6).rounded() / 1e6
        if perMinute == perMinute.rounded() { return (Int(perMinute), "1m") }
        return (max(1, Int(saturating: perSecond * 3_600)), "1h")
    }
}
