import BizraSpec

/// A chaos experiment as Chaos Mesh takes it: the kind, and the spec shared by the standalone
/// object and the workflow step.
struct ChaosExperimentPlan {
    /// `NetworkChaos`, `PodChaos`, `StressChaos`, `IOChaos`, `HTTPChaos`.
    let kind: String
    /// The experiment's spec (selector, mode, action and duration).
    let spec: YAMLMap

    init(_ experiment: ChaosExperiment, chaos: Chaos, context: PlanContext) {
        let target = context.spec.service(named: chaos.target)
        var spec: YAMLMap = [:]
        switch experiment.kind {
        case let .networkDelay(latency, jitter):
            kind = "NetworkChaos"
            spec["action"] = "delay"
            var delay: YAMLMap = ["latency": .string(latency.goDescription)]
            delay.set("jitter", jitter.map { .string($0.goDescription) })
            spec["delay"] = .map(delay)
        case .podFailure:
            kind = "PodChaos"
            spec["action"] = "pod-failure"
        case .podKill:
            kind = "PodChaos"
            spec["action"] = "pod-kill"
        case let .cpuStress(load, workers):
            kind = "StressChaos"
            spec["stressors"] = ["cpu": ["workers": .int(workers), "load": .int(Int(load.value.rounded()))]]
        case let .memoryStress(size):
            kind = "StressChaos"
            spec["stressors"] = ["memory": ["workers": 1, "size": .string(Self.stressSize(size))]]
        case let .ioDelay(delay, percent, volume):
            kind = "IOChaos"
            spec["action"] = "latency"
            spec["delay"] = .string(delay.goDescription)
            spec["percent"] = .int(Int(percent.value.rounded()))
            spec["volumePath"] = .string(target?.volumes.first { $0.name == volume }?.mountPath ?? volume)
        case let .httpAbort(port, path):
            kind = "HTTPChaos"
            spec["target"] = "Request"
            spec["port"] = target?.port(named: port).map { .int($0.port) } ?? .int(Int(port) ?? 0)
            spec["path"] = .string(path)
            spec["abort"] = true
        }
        spec["mode"] = .string(experiment.mode.rawValue)
        spec["selector"] = [
            "namespaces": [.string(context.namespace)],
            "labelSelectors": .map(YAMLMap(sortedKeys: context.selector(name: chaos.target))),
        ]
        spec["duration"] = .string(experiment.duration.goDescription)
        self.spec = spec
    }

    /// The Workflow template field that holds this kind's spec: `networkChaos`, `ioChaos` ...
    var workflowField: String {
        switch kind {
        case "IOChaos": "ioChaos"
        case "HTTPChaos": "httpChaos"
        default: kind.prefix(1).lowercased() + kind.dropFirst()
        }
    }

    /// stress-ng sizes: `512MiB`, `2GiB`.
    static func stressSize(_ size: ByteSize) -> String {
        size.description + "B"
    }
}
