import BizraSpec

/// Writes the SLA alerts as Prometheus rule files with their unit tests, for `promtool test rules`:
///
/// - `monitoring/sla-rules.yaml`: the groups of manifest 05's PrometheusRules that hold the alerts
///   derived from the SLA (``SLAAlerts``), exactly as deployed;
/// - `monitoring/sla-rules.test.yaml`: for each derived alert, a case whose series cross the SLA
///   target (the alert is pending before its `for`, then fires with its labels and annotations) and
///   a case whose series stay just on the right side of it (the alert stays silent).
///
/// Run: `promtool test rules monitoring/sla-rules.test.yaml`.
public struct PromtoolTestRenderer: ArtifactRenderer {
    /// The rule file, relative to the environment's folder.
    public static let rulesPath = "monitoring/sla-rules.yaml"
    /// The unit tests of the rule file.
    public static let testsPath = "monitoring/sla-rules.test.yaml"
    /// The evaluation interval of the rules and the sampling interval of the series.
    public static let intervalMinutes: Int64 = 1

    public init() {}

    /// Both files, or nothing when the spec gives no SLA alert.
    public func render(_ context: PlanContext) throws -> [String: String] {
        let alerts = SLAAlerts.derive(from: context.spec)
        let groups = Self.ruleGroups(context, alerts: alerts)
        guard !alerts.isEmpty, !groups.isEmpty else { return [:] }
        let header = ManifestFile.header
        return [
            Self.rulesPath: YAMLWriter.stream(
                header: header + "\nThe SLA alerts of manifest 05, as a Prometheus rule file.",
                documents: [["groups": .list(groups)]]),
            Self.testsPath: YAMLWriter.stream(
                header: header + "\nUnit tests of \(Self.rulesPath): promtool test rules \(Self.testsPath)",
                documents: [Self.tests(alerts: alerts, groups: groups, spec: context.spec)]),
        ]
    }

    /// The groups of manifest 05's PrometheusRules that hold a derived alert.
    static func ruleGroups(_ context: PlanContext, alerts: [SLAAlert]) -> [YAMLValue] {
        let names = Set(alerts.map(\.name))
        return MonitoringPlanner().objects(for: context)
            .filter { $0.kind == "PrometheusRule" }
            .flatMap { $0.body["spec"]?["groups"]?.listValue ?? [] }
            .filter { group in
                (group["rules"]?.listValue ?? []).contains { names.contains($0["alert"]?.stringValue ?? "") }
            }
    }

    /// The promtool test file.
    static func tests(alerts: [SLAAlert], groups: [YAMLValue], spec: Spec) -> YAMLValue {
        let rules = groups.flatMap { $0["rules"]?.listValue ?? [] }
        var cases: [YAMLValue] = []
        for alert in alerts {
            guard let series = SLAAlertSeries.make(for: alert, spec: spec),
                  let rule = rules.first(where: { $0["alert"]?.stringValue == alert.name }) else { continue }
            cases += testCases(alert, rule: rule, series: series)
        }
        let fileName = rulesPath.split(separator: "/").last.map(String.init) ?? rulesPath
        return [
            "rule_files": [.string(fileName)],
            "evaluation_interval": .string(minutes(intervalMinutes)),
            "tests": .list(cases),
        ]
    }

    /// The breaching and the compliant case of one alert.
    static func testCases(_ alert: SLAAlert, rule: YAMLValue, series: SLAAlertSeries) -> [YAMLValue] {
        let forMinutes = max(0, (alert.forDuration.milliseconds + 59_999) / 60_000)
        let firesAt = forMinutes + 2 * intervalMinutes
        let samples = Int(firesAt + 3 * intervalMinutes)
        var annotations = YAMLMap()
        for (key, value) in rule["annotations"]?.mapValue?.entries ?? [] {
            annotations.set(key, .string(PrometheusTemplateText.expand(value.stringValue ?? "", value: series.breachValue)))
        }
        let firing: YAMLValue = [
            "exp_labels": rule["labels"] ?? .map(YAMLMap()),
            "exp_annotations": .map(annotations),
        ]
        var breachingChecks: [YAMLValue] = []
        if forMinutes > intervalMinutes {
            // Crossed, but not yet for `for`: pending, not firing.
            breachingChecks.append(check(alert, at: forMinutes - intervalMinutes, expecting: []))
        }
        breachingChecks.append(check(alert, at: firesAt, expecting: [firing]))
        return [
            [
                "interval": .string(minutes(intervalMinutes)),
                "input_series": .list(series.breaching.map { $0.yaml(samples: samples) }),
                "alert_rule_test": .list(breachingChecks),
            ],
            [
                "interval": .string(minutes(intervalMinutes)),
                "input_series": .list(series.compliant.map { $0.yaml(samples: samples) }),
                "alert_rule_test": [check(alert, at: firesAt, expecting: [])],
            ],
        ]
    }

    static func check(_ alert: SLAAlert, at minute: Int64, expecting alerts: [YAMLValue]) -> YAMLValue {
        ["eval_time": .string(minutes(minute)), "alertname": .string(alert.name), "exp_alerts": .list(alerts)]
    }

    static func minutes(_ count: Int64) -> String { "\(count)m" }
}
