/// The largest quantities a spec may state: far beyond any real platform, and small enough that
/// the checks and planners can add and multiply them (over every workload, by every replica)
/// without overflow. Larger values are refused where they are written (SPEC002).
public enum QuantityLimits {
    /// Whole numbers (replicas, thresholds, virtual users...), in magnitude.
    public static let wholeNumber = 1_000_000_000
    /// Other numbers, in magnitude.
    public static let number = 1e12
    /// Durations: 100 years of 365 days.
    public static let durationMilliseconds: Int64 = 36_500 * 86_400_000
    /// Sizes: 1Ei.
    public static let bytes: Int64 = 1 << 60
    /// CPU: a million cores.
    public static let millicores: Int64 = 1_000_000_000
    /// Request rates: a billion requests per second.
    public static let requestsPerSecond = 1e9
}

extension Int64 {
    /// `self + other`, or the nearest representable value where that would overflow.
    func addingSaturated(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    /// `self * other`, or the nearest representable value where that would overflow.
    func multipliedSaturated(by other: Int64) -> Int64 {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? ((self < 0) == (other < 0) ? .max : .min) : product
    }
}

extension Int {
    /// The whole number nearest to `value`, rounded as given, clamped to the range of `Int`
    /// (NaN gives 0): a conversion that cannot trap whatever the arithmetic before it produced.
    public init(saturating value: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) {
        let rounded = value.rounded(rule)
        if rounded.isNaN {
            self = 0
        } else if rounded >= Double(Int.max) {
            self = .max
        } else if rounded <= Double(Int.min) {
            self = .min
        } else {
            self = Int(rounded)
        }
    }
}
