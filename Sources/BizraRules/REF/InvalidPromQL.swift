import BizraSpec

/// REF006.
public struct InvalidPromQL: Rule {
    public static let identifier = "REF006"
    public static let severity = Severity.error
    public static let summary = "a PromQL expression that does not parse"
    public static let explanation = """
        Trigger queries and alert expressions are copied into ScaledObjects and PrometheusRules; one that does not \
        parse is only noticed when KEDA or Prometheus rejects it in the cluster, and the autoscaler or alert \
        silently does nothing. Every expression is parsed at build time and a syntax error is reported with its \
        column inside the expression.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - name: bizra-node0\n    autoscaling:\n      triggers:\n        - { name: request-rate, type: prometheus, query: 'sum(rate(http_requests_total[1m])', threshold: 320 }\n"),
        .overlay("observability:\n  alerts:\n    - { name: HighLatencyWithLowIhsan, expr: 'avg(ahsan_compliance_score) < ', for: 5m, severity: critical }\n"),
        .overlay("observability:\n  alerts:\n    - { name: Broken, expr: 'rate(http_requests_total{route=~api}[5m])', for: 5m, severity: warning }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("observability:\n  alerts:\n    - { name: ErrorsHigh, expr: 'sum(rate(http_requests_total{status=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m])) > 0.01', for: 5m, severity: critical }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        check(spec, with: SpecAnalysis(spec))
    }

    public func check(_ spec: Spec, with analysis: SpecAnalysis) -> [Finding] {
        analysis.queries.compactMap { query in
            guard case .failure(let error) = query.parsed else { return nil }
            return finding("\(query.owner): PromQL does not parse at \(error)", at: query.location,
                           notes: [.init("the expression: \(query.text.split(whereSeparator: \.isWhitespace).joined(separator: " "))")])
        }
    }
}
