extension Decode {
    static func autoscaling(_ r: inout MapReader) -> Autoscaling? {
        let engine = r.required("engine", enumeration(Autoscaling.Engine.self))
        let min = r.required("min", Decode.int)
        let max = r.required("max", Decode.int)
        let polling = r.optional("pollingInterval", default: TimeSpan.seconds(30), Decode.unit)
        let cooldown = r.optional("cooldown", default: TimeSpan.minutes(5), Decode.unit)
        let triggers = r.optional("triggers", default: [], items("trigger", trigger))
        let vpa = r.optional("vpa", object("vpa") { v -> VPA? in
            guard let (mode, min, max) = all(v.required("mode", enumeration(VPA.Mode.self)),
                                             v.required("min", amounts("vpa.min")), v.required("max", amounts("vpa.max")))
            else { return nil }
            var vpa = VPA(mode: mode, min: min, max: max)
            vpa.source = v.source
            return vpa
        })
        guard let (engine, min, max) = all(engine, min, max) else { return nil }
        var autoscaling = Autoscaling(engine: engine, min: min, max: max, pollingInterval: polling, cooldown: cooldown,
                                      triggers: triggers, vpa: vpa)
        autoscaling.source = r.source
        return autoscaling
    }

    static func trigger(_ r: inout MapReader) -> Trigger? {
        let name = r.required("name", Decode.string)
        let type = r.required("type", oneOf(Trigger.Kind.typeNames))
        let kind = type.flatMap { triggerKind($0, &r) }
        guard let (name, kind) = all(name, kind) else { return nil }
        var trigger = Trigger(name: name, kind)
        trigger.source = r.source
        return trigger
    }

    /// The keys of a trigger of `type`.
    static func triggerKind(_ type: String, _ r: inout MapReader) -> Trigger.Kind? {
        switch type {
        case "cpu":
            return (r.required("target", Decode.unit) as Percent?).map { .cpu(target: $0) }
        case "memory":
            return (r.required("target", Decode.unit) as Percent?).map { .memory(target: $0) }
        case "prometheus":
            let query = r.required("query", Decode.string)
            let threshold = r.required("threshold", Decode.double)
            let activation = r.optional("activation", Decode.double)
            let direction = r.optional("scaleOutWhen", default: .above, enumeration(Trigger.ScaleOutWhen.self))
            return all(query, threshold).map { .prometheus(query: $0.0, threshold: $0.1, activation: activation, scaleOutWhen: direction) }
        default:
            let list = r.required("list", Decode.string)
            let length = r.required("length", Decode.int)
            let connection = r.required("connection", Decode.string)
            return all(list, length, connection).map { .redis(list: $0.0, length: $0.1, connection: $0.2) }
        }
    }
}
