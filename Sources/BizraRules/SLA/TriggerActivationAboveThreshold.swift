import BizraSpec

/// SLA013.
public struct TriggerActivationAboveThreshold: Rule {
    public static let identifier = "SLA013"
    public static let severity = Severity.error
    public static let summary = "a prometheus trigger with activation above threshold"
    public static let explanation = """
        KEDA activates a scaler (scales from its minimum) only once the metric passes `activation`, and targets \
        `threshold` per replica after that. An activation above the threshold keeps the workload at its minimum \
        while the metric already calls for more replicas; the activation belongs at or below the threshold.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - name: bizra-node0\n    autoscaling:\n      triggers:\n        - { name: ihsan-score, type: prometheus, query: 'avg(ahsan_compliance_score)', threshold: 95, activation: 99 }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("services:\n  - name: bizra-node0\n    autoscaling:\n      triggers:\n        - { name: ihsan-score, type: prometheus, query: 'avg(ahsan_compliance_score)', threshold: 95, activation: 95 }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        spec.services.flatMap { service in
            (service.autoscaling?.triggers ?? []).compactMap { trigger in
                guard case .prometheus(_, let threshold, let activation?) = trigger.kind, activation > threshold else { return nil }
                return finding(
                    "trigger '\(trigger.name)' of \(service.name) activates at \(NumberText.decimal(activation)), above its threshold \(NumberText.decimal(threshold)); set activation to at most \(NumberText.decimal(threshold))",
                    at: trigger.source["activation"],
                    notes: [.init("the threshold is \(NumberText.decimal(threshold)) here", at: trigger.source["threshold"])])
            }
        }
    }
}
