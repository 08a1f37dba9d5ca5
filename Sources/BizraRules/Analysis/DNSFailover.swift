import BizraSpec

/// How long DNS takes to move traffic off a failed region: the health check must fail
/// `failureThreshold` times, `interval` apart, and resolvers keep the old answer for the `ttl`.
public enum DNSFailover {
    public static func time(_ dns: Regions.DNS) -> TimeSpan {
        dns.healthCheck.interval * Int64(dns.healthCheck.failureThreshold) + dns.ttl
    }

    /// `30s × 3 + 60s = 2m30s`, for messages.
    public static func formula(_ dns: Regions.DNS) -> String {
        "\(dns.healthCheck.interval) × \(dns.healthCheck.failureThreshold) + \(dns.ttl) = \(DurationText.long(time(dns)))"
    }
}

/// Durations written for people: `2m30s` rather than `150s`.
public enum DurationText {
    public static func long(_ duration: TimeSpan) -> String {
        var ms = duration.milliseconds
        if ms == 0 { return "0s" }
        var parts: [String] = []
        for (unit, size) in [("d", Int64(86_400_000)), ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1)] where ms >= size {
            parts.append("\(ms / size)\(unit)")
            ms %= size
        }
        return parts.joined()
    }
}
