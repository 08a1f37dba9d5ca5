import BizraSpec

/// BENCH001.
public struct InvalidEndpoint: Rule {
    public static let identifier = "BENCH001"
    public static let severity = Severity.error
    public static let summary = "an endpoint path that does not start with `/`, or an unknown HTTP method"
    public static let explanation = """
        Each endpoint becomes a k6 request to the target plus its path; a path without the leading `/` glues \
        onto the host name (`https://api.bizra.aihealth`), and an unknown method is sent as-is and rejected by \
        the server, so the test measures errors. Methods are upper-case HTTP methods.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("benchmarks:\n  endpoints:\n    - { name: health, path: health }\n"),
        .overlay("benchmarks:\n  endpoints:\n    - { name: validate, path: /api/v1/validate, method: POTS }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("benchmarks:\n  endpoints:\n    - { name: validate, path: /api/v1/validate, method: PUT }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        var findings: [Finding] = []
        for endpoint in spec.benchmarks?.endpoints ?? [] {
            if !endpoint.path.hasPrefix("/") {
                findings.append(finding("endpoint '\(endpoint.name)': path \"\(endpoint.path)\" must start with /; use \"/\(endpoint.path)\"",
                                        at: endpoint.source["path"]))
            }
            if !endpoint.method.isKnown {
                let methods = Benchmarks.Endpoint.Method.allowedWords
                var message = "endpoint '\(endpoint.name)': \(endpoint.method) is not an HTTP method"
                message += didYouMean(endpoint.method.rawValue, among: methods)
                findings.append(finding(message, at: endpoint.source["method"],
                                        notes: [.init("methods: \(methods.joined(separator: ", "))")]))
            }
        }
        return findings
    }
}
