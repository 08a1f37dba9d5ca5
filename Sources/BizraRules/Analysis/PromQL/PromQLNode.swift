/// A label matcher of a vector selector: `namespace="bizra-production"`.
public struct PromQLMatcher: Equatable, Sendable {
    public enum Operator: String, Equatable, Sendable {
        case equal = "=", notEqual = "!=", matches = "=~", notMatches = "!~"
    }
    public var label: String
    public var op: Operator
    public var value: String
    /// 1-based line and column of the label in the expression.
    public var line: Int
    public var column: Int
}

/// A vector selector: a metric name and its label matchers.
public struct PromQLSelector: Equatable, Sendable {
    /// The metric name, written before the braces or as `__name__="..."`; nil when only a
    /// regular expression selects it.
    public var metric: String?
    public var matchers: [PromQLMatcher]
    /// 1-based line and column of the selector in the expression.
    public var line: Int
    public var column: Int
}

/// Grouping of an aggregation: `by (le)` or `without (pod)`.
public struct PromQLGrouping: Equatable, Sendable {
    public var without: Bool
    public var labels: [String]
}

/// The syntax tree of a PromQL expression, as far as the checks need it.
public indirect enum PromQLNode: Equatable, Sendable {
    case number(Double)
    case string(String)
    case selector(PromQLSelector)
    /// `x[5m]`, `x[5m:1m]`, `x offset 5m`, `x @ 1609746000`: the same series over other times.
    case timeShifted(PromQLNode)
    case parenthesised(PromQLNode)
    case unary(String, PromQLNode)
    case aggregation(operator: String, grouping: PromQLGrouping?, parameter: PromQLNode?, body: PromQLNode)
    case call(function: String, arguments: [PromQLNode])
    /// `a > b`, `a and on() b`: `matching` is the `on`/`ignoring` label list when written.
    case binary(operator: String, lhs: PromQLNode, rhs: PromQLNode, matching: PromQLGrouping?)

    /// Every vector selector, in the order written.
    public var selectors: [PromQLSelector] {
        switch self {
        case .number, .string: []
        case .selector(let s): [s]
        case .timeShifted(let n), .parenthesised(let n), .unary(_, let n): n.selectors
        case .aggregation(_, _, let parameter, let body): (parameter?.selectors ?? []) + body.selectors
        case .call(_, let arguments): arguments.flatMap(\.selectors)
        case .binary(_, let lhs, let rhs, _): lhs.selectors + rhs.selectors
        }
    }

    /// The aggregation operator at the top of the expression (through parentheses), if any.
    public var topLevelAggregation: String? {
        switch self {
        case .parenthesised(let n): n.topLevelAggregation
        case .aggregation(let op, _, _, _): op
        default: nil
        }
    }

    /// An aggregation grouped by `le` alone (or nothing): one histogram's buckets.
    var groupsOnlyByBucket: Bool {
        switch self {
        case .parenthesised(let n): n.groupsOnlyByBucket
        case .aggregation(let op, let grouping?, _, _):
            !Self.multiSeriesAggregations.contains(op) && !grouping.without && Set(grouping.labels).isSubset(of: ["le"])
        default: false
        }
    }

    /// Aggregations that keep several series even without grouping.
    static let multiSeriesAggregations: Set<String> = ["topk", "bottomk", "count_values", "limitk", "limit_ratio"]
    /// Functions whose result is one series (or a scalar) whatever their arguments.
    static let singleSeriesFunctions: Set<String> = ["scalar", "vector", "time", "pi", "absent", "absent_over_time"]

    /// Whether the expression can only return one series (or a scalar): an aggregation without
    /// grouping at the top, a scalar, or operations and functions over such values.
    public var returnsAtMostOneSeries: Bool {
        switch self {
        case .number, .string: true
        case .selector: false
        case .timeShifted(let n), .parenthesised(let n), .unary(_, let n): n.returnsAtMostOneSeries
        case .aggregation(let op, let grouping, _, _):
            !Self.multiSeriesAggregations.contains(op)
                && (grouping.map { !$0.without && $0.labels.isEmpty } ?? true)
        case .call(let function, let arguments):
            if Self.singleSeriesFunctions.contains(function) { true }
            else if function == "histogram_quantile" || function == "histogram_fraction" {
                // Buckets grouped only by `le` collapse into one quantile series.
                arguments.last.map { $0.groupsOnlyByBucket || $0.returnsAtMostOneSeries } ?? true
            } else {
                arguments.allSatisfy(\.returnsAtMostOneSeries)
            }
        case .binary(_, let lhs, let rhs, _): lhs.returnsAtMostOneSeries && rhs.returnsAtMostOneSeries
        }
    }
}
