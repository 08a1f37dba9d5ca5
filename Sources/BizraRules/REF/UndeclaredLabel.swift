import BizraSpec

/// REF004.
public struct UndeclaredLabel: Rule {
    public static let identifier = "REF004"
    public static let severity = Severity.warning
    public static let summary = "a PromQL label matcher on a label the metric does not declare, or on a namespace the platform's pods do not run in"
    public static let explanation = """
        A matcher on a label the series does not carry matches nothing (or, negated, everything), so the query \
        silently returns no data. A metric declared under `metrics:` carries its declared `labels`, the labels \
        Prometheus adds to every scraped pod (namespace, pod, container, job, instance, service, endpoint), `le` on \
        a histogram's `_bucket` and `quantile` on a summary. Labels of exporter metrics are not checked. A \
        service's series carry the namespace its pods run in, `platform.namespace`: a matcher \
        `namespace="other"` on them (an environment overlay that moved the namespace and kept the base's \
        queries) matches nothing, and a KEDA trigger on it never scales.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("observability:\n  alerts:\n    - { name: Errors, expr: 'sum(rate(http_requests_total{status_code=\"500\"}[5m])) > 1', for: 5m, severity: warning }\n"),
        .overlay("platform: { namespace: bizra-staging }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("observability:\n  alerts:\n    - { name: Errors, expr: 'sum(rate(http_requests_total{status=\"500\", namespace=\"bizra-production\"}[5m])) > 1', for: 5m, severity: warning }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        check(spec, with: SpecAnalysis(spec))
    }

    public func check(_ spec: Spec, with analysis: SpecAnalysis) -> [Finding] {
        let catalogue = analysis.metrics
        var findings: [Finding] = []
        for query in analysis.queries {
            guard case .success(let expression) = query.parsed else { continue }
            for selector in expression.selectors {
                guard let name = selector.metric, case .declared(let declared) = catalogue.resolve(name) else { continue }
                for matcher in selector.matchers where matcher.label == "namespace" && matcher.op == .equal
                    && matcher.value != spec.platform.namespace {
                    let position = SpecQuery.place(line: matcher.line, column: matcher.column)
                    findings.append(finding(
                        "\(query.owner), \(position): namespace=\"\(matcher.value)\" matches no series of '\(name)': the platform's pods run in namespace '\(spec.platform.namespace)'",
                        at: query.location, notes: [.init("the namespace is set here", at: spec.platform.source["namespace"])]))
                }
                for matcher in selector.matchers where matcher.label != "__name__" && !declared.labels.contains(matcher.label) {
                    let position = SpecQuery.place(line: matcher.line, column: matcher.column)
                    var message = "\(query.owner), \(position): '\(name)' has no label '\(matcher.label)'"
                    message += didYouMean(matcher.label, among: declared.labels)
                    let own = declared.metric.labels.isEmpty ? "no labels of its own" : "labels \(declared.metric.labels.quotedList)"
                    findings.append(finding(message, at: query.location, notes: [
                        .init("'\(declared.metric.name)' of \(declared.serviceName) declares \(own)", at: declared.metric.source.node),
                    ]))
                }
            }
        }
        return findings
    }
}
