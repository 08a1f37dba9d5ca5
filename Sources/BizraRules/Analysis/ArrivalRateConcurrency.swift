import BizraSpec

/// Little's law for k6 arrival-rate scenarios: to start `rate` iterations per second when each
/// takes `latency`, `rate × latency` virtual users are busy at once on average.
public enum ArrivalRateConcurrency {
    /// Headroom the load-test generator adds above the mean, so a slow tail does not starve the executor.
    public static let headroom = 1.2

    /// `rate × latency`: the fewest VUs that can sustain the rate.
    public static func required(rate: Rate, latency: TimeSpan) -> Double {
        // Products such as 1000 × 0.2 land a hair off the whole number in binary floating point.
        (rate.perSecond * latency.seconds * 1e6).rounded() / 1e6
    }

    /// `ceil(rate × latency × 1.2)`: the VUs allocated when `preAllocatedVUs` is not written.
    public static func derived(rate: Rate, latency: TimeSpan) -> Int {
        let inFlight = (required(rate: rate, latency: latency) * headroom * 1e6).rounded() / 1e6
        return max(1, Int(saturating: inFlight, rounding: .up))
    }

    /// The VUs a scenario starts with, and whether they were written or derived.
    public static func allocated(rate: Rate, preAllocated: Int?, latency: TimeSpan) -> (vus: Int, written: Bool) {
        preAllocated.map { ($0, true) } ?? (derived(rate: rate, latency: latency), false)
    }
}
