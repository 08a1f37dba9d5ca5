import BizraSpec

/// Little's law for load tests: the virtual users an arrival-rate scenario needs in flight.
public enum LittlesLaw {
    /// Headroom above the mean concurrency, so that a slow tail does not starve the executor.
    public static let headroom = 1.2

    /// `ceil(rate × latency × headroom)`, at least 1: the VUs that keep `rate` requests per second
    /// flowing when each iteration takes `latency` (the SLA's p99).
    public static func virtualUsers(rate: Rate, latency: TimeSpan, headroom: Double = LittlesLaw.headroom) -> Int {
        let inFlight = rate.perSecond * latency.seconds * headroom
        // Products such as 1000 × 0.2 × 1.2 land a hair above the whole number in binary floating point.
        let rounded = (inFlight * 1e6).rounded() / 1e6
        return max(1, Int(saturating: rounded, rounding: .up))
    }
}
