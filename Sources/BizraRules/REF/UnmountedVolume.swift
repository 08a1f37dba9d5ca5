import BizraSpec

/// REF005.
public struct UnmountedVolume: Rule {
    public static let identifier = "REF005"
    public static let severity = Severity.error
    public static let summary = "an io-delay experiment on a volume the target does not mount"
    public static let explanation = """
        An io-delay experiment injects latency into the file system of one volume of the chaos target, found by \
        its mount path. A volume the target does not mount would make Chaos Mesh inject nothing and the experiment \
        pass without testing anything; the diagnostic names the volumes the target mounts.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("chaos:\n  experiments:\n    - { name: io-latency, type: io-delay, delay: 100ms, percent: 50%, volume: cache, duration: 3m }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("chaos:\n  experiments:\n    - { name: io-latency, type: io-delay, delay: 200ms, percent: 50%, volume: data, duration: 3m }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let chaos = spec.chaos, let target = spec.service(named: chaos.target) else { return [] }
        let volumes = Declarations.volumes(target)
        return chaos.experiments.compactMap { experiment in
            guard case .ioDelay(_, _, let volume) = experiment.kind, !volumes.contains(volume) else { return nil }
            let (message, notes) = volumes.unresolved(volume, as: "volume", of: "io-delay experiment '\(experiment.name)'")
            return finding(message, at: experiment.source["volume"], notes: notes)
        }
    }
}
