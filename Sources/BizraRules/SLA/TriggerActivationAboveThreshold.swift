import BizraSpec

/// SLA013.
public struct TriggerActivationAboveThreshold: Rule {
    public static let identifier = "SLA013"
    public static let severity = Severity.error
    public static let summary = "a prometheus trigger with activation above threshold (below it, with `scaleOutWhen: below`)"
    public static let explanation = """
        KEDA activates a scaler (scales from its minimum) only once the metric passes `activation`, and targets \
        `threshold` per replica after that. An activation above the threshold keeps the workload at its minimum \
        while the metric already calls for more replicas; the activation belongs at or below the threshold. With \
        `scaleOutWhen: below` the sides swap: more replicas as the value falls under the threshold, so the \
        activation belongs at or above it.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - name: bizra-node0\n    autoscaling:\n      triggers:\n        - { name: request-rate, type: prometheus, query: 'sum(rate(http_requests_total[1m]))', threshold: 320, activation: 400 }\n"),
        .overlay("services:\n  - name: bizra-node0\n    autoscaling:\n      triggers:\n        - { name: ihsan-score, type: prometheus, query: 'avg(ahsan_compliance_score)', threshold: 95, activation: 90, scaleOutWhen: below }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("services:\n  - name: bizra-node0\n    autoscaling:\n      triggers:\n        - { name: request-rate, type: prometheus, query: 'sum(rate(http_requests_total[1m]))', threshold: 320, activation: 320 }\n"),
        .overlay("services:\n  - name: bizra-node0\n    autoscaling:\n      triggers:\n        - { name: ihsan-score, type: prometheus, query: 'avg(ahsan_compliance_score)', threshold: 95, activation: 97, scaleOutWhen: below }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        spec.services.flatMap { service in
            (service.autoscaling?.triggers ?? []).compactMap { trigger in
                guard case .prometheus(_, let threshold, let activation?, let direction) = trigger.kind,
                      direction == .above ? activation > threshold : activation < threshold else { return nil }
                let side = direction == .above ? "above" : "below"
                let bound = direction == .above ? "at most" : "at least"
                return finding(
                    "trigger '\(trigger.name)' of \(service.name) activates at \(NumberText.decimal(activation)), \(side) its threshold \(NumberText.decimal(threshold)); set activation to \(bound) \(NumberText.decimal(threshold))",
                    at: trigger.source["activation"],
                    notes: [.init("the threshold is \(NumberText.decimal(threshold)) here", at: trigger.source["threshold"])])
            }
        }
    }
}
