import BizraSpec

/// The PrometheusRule `<platform.name>-chaos`: failed experiments, a failed verification, and the
/// ihsan score below `sla.ihsanScore.duringChaos` while an experiment runs.
struct ChaosAlerts {
    let rule: KubernetesObject

    init(chaos: Chaos, context: PlanContext) {
        let namespace = context.namespace
        let duringChaos = NumberText.decimal(context.spec.sla.ihsanScore.duringChaos)
        let experiments = "chaos_controller_manager_chaos_experiments{namespace=\"\(chaos.namespace)\""
        var rules: [YAMLValue] = [
            Self.alert("ChaosExperimentFailed",
                       expr: "sum(increase(\(experiments),phase=\"failed\"}[10m])) > 0",
                       severity: "warning",
                       summary: "A chaos experiment in \(chaos.namespace) failed",
                       description: "Chaos Mesh reports failed experiments in \(chaos.namespace) over the last 10 minutes."),
            Self.alert("IhsanDegradedDuringChaos",
                       expr: "avg(ahsan_compliance_score{namespace=\"\(namespace)\"}) < \(duringChaos) "
                           + "and on() sum(\(experiments),phase=\"running\"}) > 0",
                       for: "1m", severity: "critical",
                       summary: "Ihsan score below \(duringChaos) during chaos",
                       description: "The average ihsan score of \(namespace) is below the SLA during chaos (\(duringChaos))."),
        ]
        if let workflow = chaos.workflow {
            rules.append(Self.alert("ChaosVerificationFailed",
                                    expr: "kube_job_status_failed{namespace=\"\(chaos.namespace)\",job_name=\"\(workflow.name)-verify\"} > 0",
                                    severity: "critical",
                                    summary: "The post-chaos ihsan verification failed",
                                    description: "Job \(workflow.name)-verify found the ihsan score below the minimum after chaos."))
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
