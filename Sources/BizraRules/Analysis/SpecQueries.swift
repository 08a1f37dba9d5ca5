import BizraSpec

/// A PromQL expression written in the spec: a prometheus trigger's `query` or an alert's `expr`.
public struct SpecQuery: Sendable {
    /// What it belongs to, for messages: "trigger 'request-rate' of bizra-node0".
    public var owner: String
    public var text: String
    /// Where the expression is written.
    public var location: SourceLocation?
    /// The trigger, when it is one (AUTO003 only looks at triggers).
    public var trigger: Trigger?
    public var service: Service?

    /// The parsed expression, or its syntax error.
    public var parsed: Result<PromQLExpression, PromQLSyntaxError> {
        Result { () throws(PromQLSyntaxError) -> PromQLExpression in try PromQLExpression(parsing: text) }
    }

    /// Every query of the spec, in the order written.
    public static func all(in spec: Spec) -> [SpecQuery] {
        var queries: [SpecQuery] = []
        for service in spec.services {
            for trigger in service.autoscaling?.triggers ?? [] {
                if case .prometheus(let query, _, _) = trigger.kind {
                    queries.append(SpecQuery(owner: "trigger '\(trigger.name)' of \(service.name)", text: query,
                                             location: trigger.source["query"], trigger: trigger, service: service))
                }
            }
        }
        for alert in spec.observability?.alerts ?? [] {
            queries.append(SpecQuery(owner: "alert '\(alert.name)'", text: alert.expr, location: alert.source["expr"]))
        }
        return queries
    }
}
