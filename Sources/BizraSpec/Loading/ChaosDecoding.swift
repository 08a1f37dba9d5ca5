extension Decode {
    static var chaos: (SpecNode, DecodeContext) -> Chaos? { checked(object("chaos") { r in
        let namespace = r.required("namespace", Decode.string)
        let paused = r.optional("paused", default: true, Decode.bool)
        let allowProduction = r.optional("allowProduction", default: false, Decode.bool)
        let schedule: Cron? = r.required("schedule", Decode.unit)
        let target = r.required("target", Decode.string)
        let experiments = r.required("experiments", items("experiment", experiment))
        let workflow = r.optional("workflow", object("chaos.workflow") { w -> Chaos.Workflow? in
            let name = w.required("name", Decode.string)
            let steps = w.required("steps", list(Decode.string))
            let verify = w.optional("verify", object("workflow.verify") { v -> Chaos.Verify? in
                var verify = Chaos.Verify(ihsanScoreMin: v.optional("ihsanScoreMin", Decode.double))
                verify.source = v.source
                return verify
            })
            guard let (name, steps) = all(name, steps) else { return nil }
            var workflow = Chaos.Workflow(name: name, steps: steps, verify: verify)
            workflow.source = w.source
            return workflow
        })
        let regions = r.optional("regions", Decode.list(Decode.string))
        guard let (namespace, schedule, target, experiments) = all(namespace, schedule, target, experiments) else { return nil }
        var chaos = Chaos(namespace: namespace, paused: paused, allowProduction: allowProduction, schedule: schedule,
                          target: target, experiments: experiments, workflow: workflow, regions: regions)
        chaos.source = r.source
        return chaos
    }, SpecValues.chaos) }

    static func experiment(_ r: inout MapReader) -> ChaosExperiment? {
        let name = r.required("name", Decode.string)
        let type = r.required("type", oneOf(ChaosExperiment.Kind.typeNames))
        let duration: TimeSpan? = r.required("duration", Decode.unit)
        let mode = r.optional("mode", default: .one, enumeration(ChaosExperiment.Mode.self))
        let kind = type.flatMap { experimentKind($0, &r) }
        guard let (name, kind, duration) = all(name, kind, duration) else { return nil }
        var experiment = ChaosExperiment(name: name, kind, mode: mode, duration: duration)
        experiment.source = r.source
        return experiment
    }

    /// The keys of an experiment of `type`.
    static func experimentKind(_ type: String, _ r: inout MapReader) -> ChaosExperiment.Kind? {
        switch type {
        case "network-delay":
            let latency: TimeSpan? = r.required("latency", Decode.unit)
            let jitter: TimeSpan? = r.optional("jitter", Decode.unit)
            return latency.map { .networkDelay(latency: $0, jitter: jitter) }
        case "pod-failure": return .podFailure
        case "pod-kill": return .podKill
        case "cpu-stress":
            return all(r.required("load", Decode.unit) as Percent?, r.required("workers", Decode.int))
                .map { .cpuStress(load: $0.0, workers: $0.1) }
        case "memory-stress":
            return (r.required("size", Decode.unit) as ByteSize?).map { .memoryStress(size: $0) }
        case "io-delay":
            return all(r.required("delay", Decode.unit) as TimeSpan?, r.required("percent", Decode.unit) as Percent?,
                       r.required("volume", Decode.string)).map { .ioDelay(delay: $0.0, percent: $0.1, volume: $0.2) }
        default:
            return all(r.required("port", Decode.string), r.required("path", Decode.string))
                .map { .httpAbort(port: $0.0, path: $0.1) }
        }
    }
}
