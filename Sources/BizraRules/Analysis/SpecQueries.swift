import BizraSpec

/// A PromQL expression written in the spec: a prometheus trigger's `query` or an alert's `expr`.
public struct SpecQuery: Sendable {
    /// What it belongs to, for messages: "trigger 'request-rate' of bizra-node0".
    public let owner: String
    public let text: String
    /// Where the expression is written.
    public let location: SourceLocation?
    /// The name of the trigger, when it is one (AUTO003 only looks at triggers).
    public let trigger: String?
    /// The name of the service whose trigger it is.
    public let service: String?
    /// The parsed expression, or its syntax error: parsed once, read by every rule.
    public let parsed: Result<PromQLExpression, PromQLSyntaxError>

    public init(owner: String, text: String, location: SourceLocation?, trigger: String? = nil, service: String? = nil) {
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

    /// Every query of the spec, in the order written, parsed on every core.
    public static func all(in spec: Spec) -> [SpecQuery] {
        typealias Written = (owner: String, text: String, location: SourceLocation?, trigger: String?, service: String?)
        var written: [Written] = []
        for service in spec.services {
            for trigger in service.autoscaling?.triggers ?? [] {
                if case .prometheus(let query, _, _, _) = trigger.kind {
                    written.append(("trigger '\(trigger.name)' of \(service.name)", query, trigger.source["query"], trigger.name, service.name))
                }
            }
        }
        for alert in spec.observability?.alerts ?? [] {
            written.append(("alert '\(alert.name)'", alert.expr, alert.source["expr"], nil, nil))
        }
        return written.concurrentMap {
            SpecQuery(owner: $0.owner, text: $0.text, location: $0.location, trigger: $0.trigger, service: $0.service)
        }
    }
}
