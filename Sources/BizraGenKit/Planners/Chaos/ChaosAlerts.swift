import BizraRules
import BizraSpec

/// The PrometheusRule `<platform.name>-chaos`: experiments that cannot be injected, a failed task
/// of the workflow (its verification), and, when the SLA has an ihsan score, the score below
/// `sla.ihsanScore.duringChaos` while an experiment runs.
///
/// Chaos Mesh's experiment gauge has the phases injecting, running, finished, paused and deleting
/// (chaos-mesh `pkg/status/status.go`): there is no failed phase, so an experiment that fails stays
/// injecting; and a workflow's Task runs as a bare Pod in the chaos namespace, whose failure
/// kube-state-metrics reports as `kube_pod_status_phase{phase="Failed"}`.
struct ChaosAlerts {
    let rule: KubernetesObject

    init(chaos: Chaos, verification: ChaosVerification, context: PlanContext) {
        let namespace = context.namespace
        let experiments = "chaos_controller_manager_chaos_experiments{namespace=\"\(chaos.namespace)\""
        var rules: [YAMLValue] = [
            Self.alert("ChaosExperimentFailed",
                       expr: "sum(\(experiments),phase=\"injecting\"}) > 0",
                       for: "10m", severity: "warning",
                       summary: "A chaos experiment in \(chaos.namespace) cannot be injected",
                       description: "A Chaos Mesh experiment in \(chaos.namespace) has been injecting for 10 minutes: its injection fails."),
        ]
        if let ihsan = context.spec.sla.ihsanScore, let gauge = SLAMetrics.ihsanScore(in: context.spec) {
            let duringChaos = NumberText.decimal(ihsan.duringChaos)
            rules.append(Self.alert("IhsanDegradedDuringChaos",
                                    expr: "\(SLAAlerts.ihsanScoreQuery(metric: gauge.name, namespace: namespace)) < \(duringChaos) "
                                        + "and on() sum(\(experiments),phase=\"running\"}) > 0",
                                    for: "1m", severity: "critical",
                                    summary: "Ihsan score below \(duringChaos) during chaos",
                                    description: "The average ihsan score of \(namespace) is below the SLA during chaos (\(duringChaos))."))
        }
        if let workflow = chaos.workflow {
            rules.append(Self.alert("ChaosVerificationFailed",
                                    expr: "max by (pod) (kube_pod_status_phase{namespace=\"\(chaos.namespace)\",phase=\"Failed\"}) > 0",
                                    severity: "critical",
                                    summary: "A task of the \(workflow.name) chaos workflow failed",
                                    description: "A pod of the \(workflow.name) workflow in \(chaos.namespace) failed: the verification found the platform \(verification.shortfall) after chaos."))
        }
        rule = KubernetesObject(apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule",
                                name: "\(context.platform.name)-chaos", namespace: chaos.namespace,
                                labels: context.labels(component: "chaos-engineering", name: "\(context.platform.name)-chaos"),
                                body: ["spec": ["groups": [["name": "chaos-engineering", "rules": .list(rules)]]]])
    }

    static func alert(_ name: String, expr: String, for duration: String? = nil, severity: String,
                      summary: String, description: String) -> YAMLValue {
        var rule: YAMLMap = ["alert": .string(name), "expr": .string(expr)]
        rule.set("for", duration.map(YAMLValue.string))
        rule["labels"] = ["severity": .string(severity)]
        rule["annotations"] = ["summary": .string(summary), "description": .string(description)]
        return .map(rule)
    }
}
