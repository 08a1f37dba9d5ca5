extension Decode {
    static var benchmarks: (SpecNode, DecodeContext) -> Benchmarks? { object("benchmarks") { r in
        let target = r.optional("target", Decode.string)
        let headers = r.optional("headers", default: [:], Decode.stringMap)
        let expectHeader = r.optional("expectHeader", Decode.string)
        let endpoints = r.required("endpoints", items("endpoint") { e -> Benchmarks.Endpoint? in
            guard let (name, path) = all(e.required("name", Decode.name), e.required("path", Decode.string)) else { return nil }
            var endpoint = Benchmarks.Endpoint(name: name, path: path,
                                               method: e.optional("method", default: "GET", Decode.string),
                                               body: e.optional("body", Decode.string))
            endpoint.source = e.source
            return endpoint
        })
        let scenarios = r.required("scenarios", items("scenario", scenario))
        guard let (endpoints, scenarios) = all(endpoints, scenarios) else { return nil }
        var benchmarks = Benchmarks(target: target, headers: headers, expectHeader: expectHeader,
                                    endpoints: endpoints, scenarios: scenarios)
        benchmarks.source = r.source
        return benchmarks
    } }

    static func scenario(_ r: inout MapReader) -> Benchmarks.Scenario? {
        let name = r.required("name", Decode.name)
        let type = r.required("type", oneOf(Benchmarks.Scenario.Kind.typeNames))
        let kind: Benchmarks.Scenario.Kind?
        switch type {
        case "constant-arrival-rate":
            let rate: Rate? = r.required("rate", Decode.unit)
            let duration: Duration? = r.required("duration", Decode.unit)
            let preAllocated = r.optional("preAllocatedVUs", Decode.nonNegativeInt)
            let maxVUs = r.optional("maxVUs", Decode.nonNegativeInt)
            kind = all(rate, duration).map { .constantArrivalRate(rate: $0.0, duration: $0.1, preAllocatedVUs: preAllocated, maxVUs: maxVUs) }
        case "ramping-vus":
            kind = r.required("stages", items("stage", named: false) { s -> Benchmarks.Stage? in
                guard let (to, over) = all(s.required("to", Decode.int), s.required("over", Decode.unit) as Duration?)
                else { return nil }
                var stage = Benchmarks.Stage(to: to, over: over)
                stage.source = s.source
                return stage
            }).map { .rampingVUs(stages: $0) }
        case "constant-vus":
            kind = all(r.required("vus", Decode.nonNegativeInt), r.required("duration", Decode.unit) as Duration?)
                .map { .constantVUs(vus: $0.0, duration: $0.1) }
        default:
            kind = nil
        }
        guard let (name, kind) = all(name, kind) else { return nil }
        var scenario = Benchmarks.Scenario(name: name, kind)
        scenario.source = r.source
        return scenario
    }
}
