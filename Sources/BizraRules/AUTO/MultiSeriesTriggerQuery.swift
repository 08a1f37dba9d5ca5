import BizraSpec

/// AUTO003.
public struct MultiSeriesTriggerQuery: Rule {
    public static let identifier = "AUTO003"
    public static let severity = Severity.warning
    public static let summary = "a prometheus trigger query that can return more than one series (no top-level aggregation)"
    public static let explanation = """
        KEDA's prometheus scaler reads one value. A query returning several series (one per pod, per route) makes \
        it use whichever comes first, so scaling depends on series order. Wrap the query in an aggregation \
        without grouping (`sum(...)`, `avg(...)`, `max(...)`).
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - name: bizra-node0\n    autoscaling:\n      triggers:\n        - { name: request-rate, type: prometheus, query: 'rate(http_requests_total[1m])', threshold: 320 }\n"),
        .overlay("services:\n  - name: bizra-node0\n    autoscaling:\n      triggers:\n        - { name: request-rate, type: prometheus, query: 'sum by (route) (rate(http_requests_total[1m]))', threshold: 320 }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("services:\n  - name: bizra-node0\n    autoscaling:\n      triggers:\n        - { name: request-rate, type: prometheus, query: 'sum(rate(http_requests_total[1m])) / 2', threshold: 320 }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        check(spec, with: SpecAnalysis(spec))
    }

    public func check(_ spec: Spec, with analysis: SpecAnalysis) -> [Finding] {
        analysis.queries.compactMap { query in
            guard query.trigger != nil, case .success(let expression) = query.parsed, !expression.returnsAtMostOneSeries else { return nil }
            let top: String
            switch expression.root {
            case .aggregation(let op, let grouping?, _, _):
                top = "its top-level '\(op) \(grouping.without ? "without" : "by") (\(grouping.labels.joined(separator: ", ")))' keeps one series per group"
            case .aggregation(let op, nil, _, _):
                top = "its top-level '\(op)' returns several series"
            default:
                top = "it has no top-level aggregation"
            }
            return finding("\(query.owner): the query can return more than one series (\(top)); wrap it in sum(...), avg(...) or max(...) without grouping",
                           at: query.location)
        }
    }
}
