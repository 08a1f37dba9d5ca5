import BizraSpec

/// RES003.
public struct StressAboveLimits: Rule {
    public static let identifier = "RES003"
    public static let severity = Severity.error
    public static let summary = "a stress experiment larger than the target allows (memory size >= memory limit, workers > CPU limit)"
    public static let explanation = """
        A memory-stress experiment allocates its `size` inside the target's container: at or above the memory \
        limit the container is OOM-killed and the experiment measures a crash, not degradation. A cpu-stress \
        experiment with more workers than the target's CPU limit in cores only throttles itself. Size stress \
        below the target's limits.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("chaos:\n  experiments:\n    - { name: memory-stress, type: memory-stress, size: 2Gi, duration: 3m }\n"),
        .overlay("chaos:\n  experiments:\n    - { name: cpu-stress, type: cpu-stress, load: 80%, workers: 4, duration: 3m }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("chaos:\n  experiments:\n    - { name: memory-stress, type: memory-stress, size: 1Gi, duration: 3m }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        guard let chaos = spec.chaos, let target = spec.service(named: chaos.target) else { return [] }
        let limits = target.resources.limits
        return chaos.experiments.compactMap { experiment in
            switch experiment.kind {
            case .memoryStress(let size) where !(size < limits.memory):
                return finding("experiment '\(experiment.name)' allocates \(size), at or above the memory limit \(limits.memory) of \(target.name): the container would be OOM-killed; use less than \(limits.memory)",
                               at: experiment.source["size"], notes: [.init("the memory limit of \(target.name) is \(limits.memory) here", at: limits.source["memory"])])
            case .cpuStress(_, let workers) where Double(workers) > limits.cpu.cores:
                return finding("experiment '\(experiment.name)' runs \(workers) workers, more than the CPU limit \(limits.cpu) of \(target.name); use at most \(Int(limits.cpu.cores))",
                               at: experiment.source["workers"], notes: [.init("the cpu limit of \(target.name) is \(limits.cpu) here", at: limits.source["cpu"])])
            default:
                return nil
            }
        }
    }
}
