import BizraSpec
import Mustache

/// Writes `k6/<scenario>.js` for each benchmark scenario from `templates/k6/scenario.js.mustache`:
/// the scenario's executor, thresholds from the SLA, and every endpoint checked for a 2xx/3xx
/// status and the expected header.
public struct K6ScriptRenderer: ArtifactRenderer {
    public static let templateName = "k6/scenario.js.mustache"

    public init() {}

    /// The base URL the scripts target unless `BASE_URL` is set: `benchmarks.target` or `https://<platform.domain>`.
    public static func baseURL(_ spec: Spec) -> String {
        spec.benchmarks?.target ?? "https://\(spec.platform.domain)"
    }

    public func render(_ context: PlanContext) throws -> [String: String] {
        guard let benchmarks = context.spec.benchmarks else { return [:] }
        let template = try context.templates.template(Self.templateName)
        var files: [String: String] = [:]
        for scenario in benchmarks.scenarios {
            let plan = K6ScenarioPlan(scenario, sla: context.spec.sla)
            files["k6/\(scenario.name).js"] = template.render(values(plan, benchmarks, context.spec))
        }
        return files
    }

    /// The header name as k6 keys `response.headers` (Go's canonical form): `x-request-id` is `X-Request-Id`.
    public static func canonicalHeader(_ name: String) -> String {
        name.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }
            .joined(separator: "-")
    }

    /// The template's values; strings are already JavaScript literals.
    func values(_ plan: K6ScenarioPlan, _ benchmarks: Benchmarks, _ spec: Spec) -> [String: Any] {
        let thresholds = K6Thresholds(sla: spec.sla)
        var values: [String: Any] = [
            "name": plan.name,
            "scenarioKey": JavaScriptLiteral.string(plan.name),
            "executor": JavaScriptLiteral.string(plan.executorName),
            "baseURL": JavaScriptLiteral.string(Self.baseURL(spec)),
            "headers": JavaScriptLiteral.object(benchmarks.headers.keys.sorted().map { ($0, benchmarks.headers[$0]!) }),
            "expectHeader": JavaScriptLiteral.optionalString(benchmarks.expectHeader.map(Self.canonicalHeader)),
            "hasExpectHeader": benchmarks.expectHeader != nil,
            "requestDuration": thresholds.requestDuration.map(JavaScriptLiteral.string).joined(separator: ", "),
            "requestFailed": JavaScriptLiteral.string(thresholds.requestFailed),
            "checks": JavaScriptLiteral.string(thresholds.checks),
            "endpoints": benchmarks.endpoints.map { endpoint -> [String: Any] in
                [
                    "name": JavaScriptLiteral.string(endpoint.name),
                    "method": JavaScriptLiteral.string(endpoint.method.rawValue),
                    "path": JavaScriptLiteral.string(endpoint.path),
                    "body": JavaScriptLiteral.optionalString(endpoint.body),
                ]
            },
        ]
        switch plan.executor {
        case let .constantArrivalRate(rate, timeUnit, duration, preAllocatedVUs, maxVUs):
            values["constantArrivalRate"] = [
                "rate": rate, "timeUnit": JavaScriptLiteral.string(timeUnit),
                "duration": JavaScriptLiteral.string(duration),
                "preAllocatedVUs": preAllocatedVUs, "maxVUs": maxVUs,
            ] as [String: Any]
        case let .rampingVUs(stages):
            values["rampingVUs"] = [
                "stages": stages.map { ["target": $0.target, "duration": JavaScriptLiteral.string($0.duration)] as [String: Any] },
            ] as [String: Any]
        case let .constantVUs(vus, duration):
            values["constantVUs"] = ["vus": vus, "duration": JavaScriptLiteral.string(duration)] as [String: Any]
        }
        return values
    }
}
