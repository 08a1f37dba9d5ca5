import BizraSpec

/// A PromQL expression written in the spec: a prometheus trigger's `query` or an alert's `expr`.
public struct SpecQuery: Sendable {
    /// What it belongs to, for messages: "trigger 'request-rate' of bizra-node0".
    public let owner: String
    public let text: String
    /// Where the expression is written.
    public let location: SourceLocation?
    /// The trigger, when it is one (AUTO003 only looks at triggers).
    public let trigger: Trigger?
    public let service: Service?
    /// The parsed expression, or its syntax error: parsed once, read by every rule.
    public let parsed: Result<PromQLExpression, PromQLSyntaxError>

    public init(owner: String, text: String, location: SourceLocation?, trigger: Trigger? = nil, service: Service? = nil) {
        self.owner = owner
        self.text = text
        self.location = location
        self.trigger = trigger
        self.service = service
        self.parsed = Result { () throws(PromQLSyntaxError) -> PromQLExpression in try PromQLExpression(parsing: text) }
    }

    /// `column 12` inside the expression, with the line when it has more than one.
    public static func place(line: Int, column: Int) -> String {
        line > 1 ? "line \(line), column \(column)" : "column \(column)"
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
