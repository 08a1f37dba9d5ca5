extension Decode {
    static var benchmarks: (SpecNode, DecodeContext) -> Benchmarks? { checked(object("benchmarks") { r in
        let target = r.optional("target", Decode.string)
        let headers = r.optional("headers", default: [:], Decode.stringMap)
        let expectHeader = r.optional("expectHeader", Decode.string)
        let endpoints = r.required("endpoints", items("endpoint") { e -> Benchmarks.Endpoint? in
            let name = e.required("name", Decode.string)
            let path = e.required("path", Decode.string)
            let method = e.optional("method", default: .get, Decode.word(Benchmarks.Endpoint.Method.self))
            let body = e.optional("body", Decode.string)
            guard let (name, path) = all(name, path) else { return nil }
            var endpoint = Benchmarks.Endpoint(name: name, path: path, method: method, body: body)
            endpoint.source = e.source
            return endpoint
        })
        let scenarios = r.required("scenarios", items("scenario", scenario))
        guard let (endpoints, scenarios) = all(endpoints, scenarios) else { return nil }
        var benchmarks = Benchmarks(target: target, headers: headers, expectHeader: expectHeader,
                                    endpoints: endpoints, scenarios: scenarios)
        benchmarks.source = r.source
        return benchmarks
    }, SpecValues.benchmarks) }

    static func scenario(_ r: inout MapReader) -> Benchmarks.Scenario? {
        let name = r.required("name", Decode.string)
        let type = r.required("type", oneOf(Benchmarks.Scenario.Kind.typeNames))
        let kind = type.flatMap { scenarioKind($0, &r) }
        guard let (name, kind) = all(name, kind) else { return nil }
        var scenario = Benchmarks.Scenario(name: name, kind)
        scenario.source = r.source
        return scenario
    }

    /// The keys of a scenario of `type`.
    static func scenarioKind(_ type: String, _ r: inout MapReader) -> Benchmarks.Scenario.Kind? {
        switch type {
        case "constant-arrival-rate":
            let rate: Rate? = r.required("rate", Decode.unit)
            let duration: TimeSpan? = r.required("duration", Decode.unit)
            let preAllocated = r.optional("preAllocatedVUs", Decode.int)
            let maxVUs = r.optional("maxVUs", Decode.int)
            return all(rate, duration).map { .constantArrivalRate(rate: $0.0, duration: $0.1, preAllocatedVUs: preAllocated, maxVUs: maxVUs) }
        case "ramping-vus":
            return r.required("stages", items("stage", named: false) { s -> Benchmarks.Stage? in
                guard let (to, over) = all(s.required("to", Decode.int), s.required("over", Decode.unit) as TimeSpan?)
                else { return nil }
                var stage = Benchmarks.Stage(to: to, over: over)
                stage.source = s.source
                return stage
            }).map { .rampingVUs(stages: $0) }
        default:
            return all(r.required("vus", Decode.int), r.required("duration", Decode.unit) as TimeSpan?)
                .map { .constantVUs(vus: $0.0, duration: $0.1) }
        }
    }
}
