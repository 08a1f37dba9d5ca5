import BizraSpec

/// A parsed PromQL expression: its tree, the metrics it reads and its top-level aggregation.
public struct PromQLExpression: Equatable, Sendable {
    public var text: String
    public var root: PromQLNode

    /// Parses `text`, or reports the first syntax error with its line and column.
    public init(parsing text: String) throws(PromQLSyntaxError) {
        var parser = try PromQLParser(text)
        self.text = text
        self.root = try parser.parseExpression()
    }

    public var selectors: [PromQLSelector] { root.selectors }
    /// The metric names read, in order, without repetition.
    public var metricNames: [String] {
        var seen: Set<String> = []
        return selectors.compactMap(\.metric).filter { seen.insert($0).inserted }
    }
    public var topLevelAggregation: String? { root.topLevelAggregation }
    public var returnsAtMostOneSeries: Bool { root.returnsAtMostOneSeries }
}

/// A recursive-descent PromQL parser (operators by precedence, aggregations with `by`/`without`,
/// functions, selectors with matchers, ranges, subqueries, `offset` and `@`, vector matching).
struct PromQLParser {
    static let aggregations: Set<String> = ["sum", "avg", "min", "max", "count", "stddev", "stdvar", "group",
                                            "topk", "bottomk", "quantile", "count_values", "limitk", "limit_ratio"]
    static let parameterisedAggregations: Set<String> = ["topk", "bottomk", "quantile", "count_values", "limitk", "limit_ratio"]
    static let functions: Set<String> = [
        "abs", "absent", "absent_over_time", "acos", "acosh", "asin", "asinh", "atan", "atanh", "avg_over_time",
        "ceil", "changes", "clamp", "clamp_max", "clamp_min", "cos", "cosh", "count_over_time", "day_of_month",
        "day_of_week", "day_of_year", "days_in_month", "deg", "delta", "deriv", "double_exponential_smoothing",
        "exp", "floor", "histogram_avg", "histogram_count", "histogram_fraction", "histogram_quantile",
        "histogram_stddev", "histogram_stdvar", "histogram_sum", "holt_winters", "hour", "idelta", "increase",
        "info", "irate", "label_join", "label_replace", "last_over_time", "ln", "log10", "log2", "mad_over_time",
        "max_over_time", "min_over_time", "minute", "month", "pi", "predict_linear", "present_over_time",
        "quantile_over_time", "rad", "rate", "resets", "round", "scalar", "sgn", "sin", "sinh", "sort",
        "sort_by_label", "sort_by_label_desc", "sort_desc", "sqrt", "stddev_over_time", "stdvar_over_time",
        "sum_over_time", "tan", "tanh", "time", "timestamp", "vector", "year",
    ]
    /// Binary operators from loosest to tightest.
    static let precedence: [String: Int] = [
        "or": 1, "and": 2, "unless": 2,
        "==": 3, "!=": 3, ">": 3, "<": 3, ">=": 3, "<=": 3,
        "+": 4, "-": 4, "*": 5, "/": 5, "%": 5, "atan2": 5, "^": 6,
    ]
    static let comparisons: Set<String> = ["==", "!=", ">", "<", ">=", "<="]
    static let keywords: Set<String> = ["by", "without", "on", "ignoring", "group_left", "group_right",
                                        "offset", "bool", "and", "or", "unless", "atan2"]

    private let lexer: PromQLLexer
    private let tokens: [PromQLToken]
    private var position = 0

    init(_ text: String) throws(PromQLSyntaxError) {
        var lexer = PromQLLexer(text)
        tokens = try lexer.tokens()
        self.lexer = lexer
    }

    private var current: PromQLToken { tokens[position] }
    private func peek(_ ahead: Int = 1) -> PromQLToken { tokens[min(position + ahead, tokens.count - 1)] }

    private func isPunctuation(_ text: String) -> Bool { current.kind == .punctuation && current.text == text }
    private func isIdentifier(_ text: String) -> Bool { current.kind == .identifier && current.text == text }

    private mutating func advance() -> PromQLToken {
        defer { if position < tokens.count - 1 { position += 1 } }
        return current
    }

    private func error(_ message: String, at token: PromQLToken? = nil) -> PromQLSyntaxError {
        lexer.error(message, at: (token ?? current).offset)
    }

    private func describe(_ token: PromQLToken) -> String {
        switch token.kind {
        case .end: "the end of the expression"
        case .string: "the string \"\(token.text)\""
        default: "'\(token.text)'"
        }
    }

    private mutating func expect(_ punctuation: String, _ context: String) throws(PromQLSyntaxError) {
        guard isPunctuation(punctuation) else {
            throw error("expected '\(punctuation)' \(context), found \(describe(current))")
        }
        _ = advance()
    }

    mutating func parseExpression() throws(PromQLSyntaxError) -> PromQLNode {
        if current.kind == .end { throw error("empty expression") }
        let node = try parseBinary(minimum: 1)
        guard current.kind == .end else { throw error("unexpected \(describe(current))") }
        return node
    }

    private var binaryOperator: String? {
        switch current.kind {
        case .punctuation where Self.precedence[current.text] != nil: current.text
        case .identifier where ["and", "or", "unless", "atan2"].contains(current.text): current.text
        default: nil
        }
    }

    private mutating func parseBinary(minimum: Int) throws(PromQLSyntaxError) -> PromQLNode {
        var lhs = try parseUnary()
        while let op = binaryOperator, let level = Self.precedence[op], level >= minimum {
            _ = advance()
            if isIdentifier("bool") {
                guard Self.comparisons.contains(op) else { throw error("'bool' only follows a comparison") }
                _ = advance()
            }
            var matching: PromQLGrouping?
            if isIdentifier("on") || isIdentifier("ignoring") {
                let ignoring = advance().text == "ignoring"
                matching = PromQLGrouping(without: ignoring, labels: try labelList("after '\(ignoring ? "ignoring" : "on")'"))
                if isIdentifier("group_left") || isIdentifier("group_right") {
                    let keyword = advance().text
                    if isPunctuation("(") { _ = try labelList("after '\(keyword)'") }
                }
            }
            let rhs = try parseBinary(minimum: op == "^" ? level : level + 1)
            lhs = .binary(operator: op, lhs: lhs, rhs: rhs, matching: matching)
        }
        return lhs
    }

    private mutating func parseUnary() throws(PromQLSyntaxError) -> PromQLNode {
        if isPunctuation("-") || isPunctuation("+") {
            let op = advance().text
            return .unary(op, try parseUnary())
        }
        return try parsePostfix()
    }

    private mutating func parsePostfix() throws(PromQLSyntaxError) -> PromQLNode {
        var node = try parsePrimary()
        while true {
            if isPunctuation("[") {
                _ = advance()
                try duration("as the range")
                if isPunctuation(":") {
                    _ = advance()
                    if current.kind == .duration { _ = advance() }
                }
                try expect("]", "to close the range")
                node = .timeShifted(node)
            } else if isIdentifier("offset") {
                _ = advance()
                if isPunctuation("-") { _ = advance() }
                try duration("after 'offset'")
                node = .timeShifted(node)
            } else if isPunctuation("@") {
                _ = advance()
                if current.kind == .number { _ = advance() }
                else if isIdentifier("start") || isIdentifier("end") {
                    let keyword = advance().text
                    try expect("(", "after '@ \(keyword)'")
                    try expect(")", "after '@ \(keyword)('")
                } else { throw error("expected a timestamp after '@', found \(describe(current))") }
                node = .timeShifted(node)
            } else {
                return node
            }
        }
    }

    private mutating func duration(_ context: String) throws(PromQLSyntaxError) {
        guard current.kind == .duration else {
            throw error("expected a duration such as 5m \(context), found \(describe(current))")
        }
        _ = advance()
    }

    private mutating func parsePrimary() throws(PromQLSyntaxError) -> PromQLNode {
        let token = current
        switch token.kind {
        case .number:
            _ = advance()
            return .number(Double(token.text) ?? Double(Int(token.text.dropFirst(2), radix: 16) ?? 0))
        case .duration:
            _ = advance()
            return .number(0)
        case .string:
            _ = advance()
            return .string(token.text)
        case .end:
            throw error("the expression ends where a value was expected")
        case .punctuation:
            if token.text == "(" {
                _ = advance()
                let inner = try parseBinary(minimum: 1)
                try expect(")", "to close the '(' at column \(lexer.position(of: token.offset).column)")
                return .parenthesised(inner)
            }
            if token.text == "{" {
                return .selector(try selector(name: nil, at: token))
            }
            throw error("unexpected \(describe(token)) where a value was expected")
        case .identifier:
            let name = token.text
            if ["Inf", "inf", "NaN", "nan"].contains(name) {
                _ = advance()
                return .number(name.lowercased() == "nan" ? .nan : .infinity)
            }
            if Self.aggregations.contains(name) && (peek().text == "(" || peek().text == "by" || peek().text == "without") {
                return try aggregation()
            }
            if Self.keywords.contains(name) {
                throw error("unexpected keyword '\(name)' where a value was expected")
            }
            if peek().kind == .punctuation && peek().text == "(" {
                return try call()
            }
            _ = advance()
            return .selector(try selector(name: name, at: token))
        }
    }

    private mutating func aggregation() throws(PromQLSyntaxError) -> PromQLNode {
        let op = advance().text
        var grouping = try optionalGrouping()
        try expect("(", "after '\(op)'")
        var parameter: PromQLNode?
        if Self.parameterisedAggregations.contains(op) {
            parameter = try parseBinary(minimum: 1)
            try expect(",", "after the parameter of '\(op)'")
        }
        let body = try parseBinary(minimum: 1)
        try expect(")", "to close '\(op)('")
        if let after = try optionalGrouping() {
            if grouping != nil { throw error("'\(op)' is grouped twice") }
            grouping = after
        }
        return .aggregation(operator: op, grouping: grouping, parameter: parameter, body: body)
    }

    private mutating func optionalGrouping() throws(PromQLSyntaxError) -> PromQLGrouping? {
        guard isIdentifier("by") || isIdentifier("without") else { return nil }
        let keyword = advance().text
        return PromQLGrouping(without: keyword == "without", labels: try labelList("after '\(keyword)'"))
    }

    private mutating func labelList(_ context: String) throws(PromQLSyntaxError) -> [String] {
        try expect("(", context)
        var labels: [String] = []
        while !isPunctuation(")") {
            guard current.kind == .identifier else { throw error("expected a label name, found \(describe(current))") }
            labels.append(advance().text)
            guard isPunctuation(",") else { break }
            _ = advance()
        }
        try expect(")", "to close the label list")
        return labels
    }

    private mutating func call() throws(PromQLSyntaxError) -> PromQLNode {
        let nameToken = advance()
        guard Self.functions.contains(nameToken.text) else {
            var message = "unknown function '\(nameToken.text)'"
            if let hint = DidYouMean.phrase(for: nameToken.text, among: Array(Self.functions)) { message += "; \(hint)" }
            throw error(message, at: nameToken)
        }
        _ = advance()
        var arguments: [PromQLNode] = []
        while !isPunctuation(")") {
            arguments.append(try parseBinary(minimum: 1))
            guard isPunctuation(",") else { break }
            _ = advance()
        }
        try expect(")", "to close '\(nameToken.text)('")
        return .call(function: nameToken.text, arguments: arguments)
    }

    private mutating func selector(name: String?, at start: PromQLToken) throws(PromQLSyntaxError) -> PromQLSelector {
        let (line, column) = lexer.position(of: start.offset)
        var selector = PromQLSelector(metric: name, matchers: [], line: line, column: column)
        guard isPunctuation("{") else { return selector }
        _ = advance()
        while !isPunctuation("}") {
            let labelToken = current
            guard labelToken.kind == .identifier else {
                throw error("expected a label name, found \(describe(current))")
            }
            _ = advance()
            guard current.kind == .punctuation, let op = PromQLMatcher.Operator(rawValue: current.text) else {
                throw error("expected =, !=, =~ or !~ after '\(labelToken.text)', found \(describe(current))")
            }
            _ = advance()
            guard current.kind == .string else {
                throw error("expected a quoted value after '\(labelToken.text)\(op.rawValue)', found \(describe(current))")
            }
            let value = advance().text
            let at = lexer.position(of: labelToken.offset)
            selector.matchers.append(PromQLMatcher(label: labelToken.text, op: op, value: value, line: at.line, column: at.column))
            guard isPunctuation(",") else { break }
            _ = advance()
        }
        try expect("}", "to close the label matchers")
        if selector.metric == nil, let byName = selector.matchers.first(where: { $0.label == "__name__" && $0.op == .equal }) {
            selector.metric = byName.value
        }
        if selector.metric == nil && !selector.matchers.contains(where: { ($0.op == .equal || $0.op == .matches) && !$0.value.isEmpty }) {
            throw error("a selector needs a metric name or a matcher that does not match the empty string", at: start)
        }
        return selector
    }
}
