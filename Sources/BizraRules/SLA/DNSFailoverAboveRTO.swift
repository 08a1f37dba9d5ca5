import BizraSpec

/// SLA006.
public struct DNSFailoverAboveRTO: Rule {
    public static let identifier = "SLA006"
    public static let severity = Severity.error
    public static let summary = "DNS failover time (healthCheck.interval x failureThreshold + dns.ttl) longer than the rto"
    public static let explanation = """
        When a region fails, DNS moves traffic away only after the health check has failed `failureThreshold` \
        times, `interval` apart, and resolvers keep the old answer for another `ttl`. If that alone exceeds the \
        recovery time objective, the rto cannot be met whatever else happens; shorten the interval, the \
        threshold or the ttl.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("regions: { dns: { ttl: 300s } }\n"),
        .overlay("regions: { dns: { healthCheck: { interval: 60s, failureThreshold: 5 } } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("regions: { dns: { ttl: 30s } }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let dns = spec.regions?.dns, let recovery = spec.sla.recovery else { return [] }
        let failover = DNSFailover.time(dns)
        guard recovery.rto < failover else { return [] }
        let detection = dns.healthCheck.interval * Int64(dns.healthCheck.failureThreshold)
        let spare = recovery.rto.milliseconds - detection.milliseconds
        let hint = spare > 0
            ? "; a ttl of at most \(DurationText.long(TimeSpan(milliseconds: spare))) would fit"
            : "; detecting the failure alone takes \(DurationText.long(detection)): shorten the health check interval or failureThreshold"
        return [finding("DNS failover takes \(DNSFailover.formula(dns)), longer than sla.recovery.rto \(recovery.rto)\(hint)",
                        at: spare > 0 ? dns.source["ttl"] : dns.healthCheck.source["interval"],
                        notes: [.init("health check: every \(dns.healthCheck.interval), \(dns.healthCheck.failureThreshold) failures", at: dns.healthCheck.source.node),
                                .init("the rto is \(recovery.rto) here", at: recovery.source["rto"])])]
    }
}
