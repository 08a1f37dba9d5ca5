import BizraSpec

/// REF003.
public struct UnknownMetric: Rule {
    public static let identifier = "REF003"
    public static let severity = Severity.error
    public static let summary = "a PromQL query (trigger, alert) that uses a metric no component exports; histogram suffixes `_bucket/_sum/_count` and built-in exporters (kube-state-metrics, cAdvisor, redis, varnish, postgres, chaos-mesh) are known"
    public static let explanation = """
        A query over a metric nothing exports returns no data: an alert on it never fires and a trigger on it never \
        scales. Every metric a query reads must be declared under some service's `metrics:` (a histogram gives \
        `_bucket`, `_sum` and `_count`) or come from an exporter the platform runs: kube-state-metrics (`kube_`), \
        cAdvisor (`container_`), the node exporter (`node_`), Prometheus (`up`), and the Redis (`redis_`), Varnish \
        (`varnish_`), PostgreSQL (`cnpg_`, `pg_`) and Chaos Mesh (`chaos_`) exporters when the spec deploys them. \
        The diagnostic suggests the closest declared metric and points at its declaration. What bizra-gen \
        derives is held to the same rule: the SLA's latency and error-rate alerts (and their unit tests) \
        read `http_request_duration_seconds` (a histogram) and `http_requests_total` (a counter with a \
        `status`, `code` or `status_code` label), and so does the chaos verification when the SLA has no \
        ihsan score; with `sla.ihsanScore`, its alert, panels and chaos checks read its gauge \
        (`sla.ihsanScore.metric`, default `\(SLA.IhsanScore.defaultMetric)`). When no service declares them, \
        the finding says what to declare instead of the alerts silently going missing.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - name: bizra-node0\n    autoscaling:\n      triggers:\n        - { name: request-rate, type: prometheus, query: 'sum(rate(http_request_total[1m]))', threshold: 320 }\n"),
        .overlay("observability:\n  alerts:\n    - { name: SlowDb, expr: 'avg(db_query_seconds) > 0.05', for: 5m, severity: warning }\n"),
        .overlay("services:\n  - name: bizra-node0\n    metrics:\n      - { name: http_requests_total, type: counter, labels: [method, route] }\n"),
        .overlay("sla:\n  ihsanScore: { min: 95, metric: compliance_score }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("observability:\n  alerts:\n    - { name: SlowValidation, expr: 'histogram_quantile(0.99, sum by (le) (rate(poi_validation_duration_seconds_bucket[5m]))) > 0.2', for: 5m, severity: warning }\n"),
        .overlay("observability:\n  alerts:\n    - { name: RedisDown, expr: 'max(redis_up) < 1 or max(kube_deployment_status_replicas_unavailable) > 0', for: 1m, severity: critical }\n"),
        .overlay("sla: { ihsanScore: null }\nchaos: { workflow: { verify: null } }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        check(spec, with: SpecAnalysis(spec))
    }

    public func check(_ spec: Spec, with analysis: SpecAnalysis) -> [Finding] {
        let catalogue = analysis.metrics
        var findings = unwatchedSLATargets(spec)
        for query in analysis.queries {
            guard case .success(let expression) = query.parsed else { continue }
            var reported: Set<String> = []
            for selector in expression.selectors {
                guard let name = selector.metric, !reported.contains(name) else { continue }
                let position = SpecQuery.place(line: selector.line, column: selector.column)
                switch catalogue.resolve(name) {
                case .declared, .exporter:
                    continue
                case .exporterNotDeployed(let exporter):
                    reported.insert(name)
                    findings.append(finding(
                        "\(query.owner), \(position): metric '\(name)' comes from \(exporter.name), which this spec does not deploy",
                        at: query.location))
                case .unknown:
                    reported.insert(name)
                    var message = "\(query.owner), \(position): no component exports metric '\(name)'"
                    var notes: [Finding.Note] = []
                    if let suggestion = DidYouMean.suggestion(for: name, among: catalogue.declaredNames),
                       let declared = catalogue.declared(suggestion) {
                        message += "; did you mean '\(suggestion)'?"
                        notes.append(.init("'\(declared.metric.name)' is declared by \(declared.serviceName) here",
                                           at: declared.metric.source.node))
                    } else {
                        let owner = query.service.flatMap(spec.service(named:)) ?? spec.services.first
                        message += "; declare it under a service's metrics:"
                        notes.append(.init("metrics are declared here", at: owner.map { $0.source["metrics"] } ?? spec.source["services"]))
                    }
                    findings.append(finding(message, at: query.location, notes: notes))
                }
            }
        }
        return findings
    }

    /// The SLA targets no derived alert or chaos verification can watch, because no service declares their series.
    func unwatchedSLATargets(_ spec: Spec) -> [Finding] {
        guard !spec.services.isEmpty else { return [] }
        let declareAt = [Finding.Note("metrics are declared under the service that serves the traffic", at: spec.services[0].source["metrics"] ?? spec.services[0].source.node)]
        let verified = spec.chaos?.workflow != nil && spec.sla.ihsanScore == nil ? ", nor checked by the chaos verification" : ""
        var findings: [Finding] = []
        if SLAMetrics.declared(SLAMetrics.requestDuration, .histogram, in: spec) == nil {
            findings.append(finding("sla.latency has nothing to watch: no service declares '\(SLAMetrics.requestDuration)' as a histogram, so its p95 and p99 alerts cannot be derived\(verified); declare it", at: spec.sla.source["latency"], notes: declareAt))
        }
        if SLAMetrics.statusLabel(in: spec) == nil {
            let counter = SLAMetrics.declared(SLAMetrics.requestsTotal, .counter, in: spec)
            let what = counter == nil ? "no service declares '\(SLAMetrics.requestsTotal)' as a counter"
                : "'\(SLAMetrics.requestsTotal)' has no \(SLAMetrics.statusLabels.joined(separator: ", ")) label to tell errors by"
            findings.append(finding("sla.errorRate has nothing to watch: \(what), so its alert cannot be derived\(verified); declare it with a status label", at: spec.sla.source["errorRate"], notes: counter.map { [.init("'\($0.name)' is declared here", at: $0.source.node)] } ?? declareAt))
        }
        if let ihsan = spec.sla.ihsanScore, SLAMetrics.ihsanScore(in: spec) == nil {
            let verifies = spec.chaos?.workflow != nil ? ", and the chaos verification finds no score" : ""
            findings.append(finding("sla.ihsanScore has nothing to watch: no service declares '\(ihsan.metric)' as a gauge, so its alert and panels cannot be derived\(verifies); declare it, name the gauge a service exports with sla.ihsanScore.metric, or remove sla.ihsanScore", at: ihsan.source["metric"], notes: declareAt))
        }
        return findings
    }
}
