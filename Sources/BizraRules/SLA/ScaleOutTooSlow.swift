import BizraSpec

/// SLA009.
public struct ScaleOutTooSlow: Rule {
    public static let identifier = "SLA009"
    public static let severity = Severity.error
    public static let summary = "scale-out cannot meet `sla.autoscaling.scaleOutTime` (pollingInterval + readiness initialDelay + period > target)"
    public static let explanation = """
        A new replica serves only after the autoscaler has noticed the load (up to one `pollingInterval`), the \
        pod has waited its readiness `initialDelay` and passed a readiness probe (one `period`). If that sum \
        alone exceeds the SLA's scale-out time, no amount of tuning elsewhere meets it; shorten the polling \
        interval or the readiness delay.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { pollingInterval: 2m } }\n"),
        .overlay("sla: { autoscaling: { scaleOutTime: 20s } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, autoscaling: { pollingInterval: 30s } }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let scaleOut = spec.sla.autoscaling else { return [] }
        let target = scaleOut.scaleOutTime
        return spec.services.compactMap { service in
            guard let autoscaling = service.autoscaling else { return nil }
            let readiness = service.probes.readiness
            let total = autoscaling.pollingInterval + readiness.initialDelay + readiness.period
            guard target < total else { return nil }
            return finding(
                "\(service.name) scales out in at least \(autoscaling.pollingInterval) polling + \(readiness.initialDelay) readiness delay + \(readiness.period) probe period = \(DurationText.long(total)), more than sla.autoscaling.scaleOutTime \(target)",
                at: autoscaling.source["pollingInterval"],
                notes: [.init("readiness probe of \(service.name)", at: readiness.source.node),
                        .init("the scale-out target is \(target) here", at: scaleOut.source["scaleOutTime"])])
        }
    }
}
