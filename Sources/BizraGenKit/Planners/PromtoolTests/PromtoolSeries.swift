import BizraSpec

/// One input series of a `promtool test rules` case: a metric with labels and values that grow
/// by `step` each interval (`start+stepxN`), counters and gauges alike.
public struct PromtoolSeries: Equatable, Sendable {
    public var metric: String
    /// Label names and values, written in this order.
    public var labels: [(name: String, value: String)]
    public var start: Double
    public var step: Double

    public init(metric: String, labels: [(name: String, value: String)], start: Double = 0, step: Double) {
        self.metric = metric
        self.labels = labels
        self.start = start
        self.step = step
    }

    /// The series selector: `name{label="value",...}`.
    public var selector: String {
        let body = labels.map { "\($0.name)=\"\(Self.escaped($0.value))\"" }.joined(separator: ",")
        return "\(metric){\(body)}"
    }

    /// The expanding notation of `samples + 1` values, one per interval.
    public func values(samples: Int) -> String {
        "\(NumberText.decimal(start))+\(NumberText.decimal(step))x\(samples)"
    }

    /// An `input_series` entry.
    public func yaml(samples: Int) -> YAMLValue {
        ["series": .string(selector), "values": .string(values(samples: samples))]
    }

    static func escaped(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    public static func == (lhs: PromtoolSeries, rhs: PromtoolSeries) -> Bool {
        lhs.metric == rhs.metric && lhs.start == rhs.start && lhs.step == rhs.step
            && lhs.labels.map(\.name) == rhs.labels.map(\.name) && lhs.labels.map(\.value) == rhs.labels.map(\.value)
    }
}
