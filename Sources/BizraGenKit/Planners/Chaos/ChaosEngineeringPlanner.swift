import BizraSpec

/// `08-chaos-engineering.yaml`: one Chaos Mesh object per experiment, the resilience Workflow
/// and its Schedule, the post-chaos verification Job with its ServiceAccount, and the chaos alerts.
/// When `chaos.paused`, every experiment and the Schedule carry Chaos Mesh's pause annotation, the
/// verification Job is suspended, and the Workflow exists only inside the Schedule: Chaos Mesh starts
/// a standalone Workflow as soon as it is applied, whatever its annotations.
public struct ChaosEngineeringPlanner: ManifestPlanner {
    public let fileName = "08-chaos-engineering.yaml"
    public static let apiVersion = "chaos-mesh.org/v1alpha1"
    public static let pauseAnnotation = "experiment.chaos-mesh.org/pause"
    /// Finished workflows a Schedule keeps.
    public static let scheduleHistoryLimit = 5

    public init() {}

    public func objects(for context: PlanContext) -> [KubernetesObject] {
        guard let chaos = context.spec.chaos else { return [] }
        let pause = chaos.paused ? [Self.pauseAnnotation: "true"] : [:]
        var objects: [KubernetesObject] = chaos.experiments.map { experiment in
            let plan = ChaosExperimentPlan(experiment, chaos: chaos, context: context)
            return KubernetesObject(apiVersion: Self.apiVersion, kind: plan.kind, name: experiment.name,
                                    namespace: chaos.namespace,
                                    labels: context.labels(component: "chaos-engineering", name: experiment.name),
                                    annotations: pause,
                                    body: ["spec": .map(plan.spec)])
        }
        let verification = ChaosVerification(context: context, chaos: chaos)
        if let workflow = chaos.workflow {
            let labels = context.labels(component: "chaos-engineering", name: workflow.name)
            let workflowSpec = ResilienceWorkflow(workflow, chaos: chaos, verification: verification, context: context).spec
            if !chaos.paused {
                objects.append(KubernetesObject(apiVersion: Self.apiVersion, kind: "Workflow", name: workflow.name,
                                                namespace: chaos.namespace, labels: labels,
                                                body: ["spec": .map(workflowSpec)]))
            }
            let schedule: YAMLMap = [
                "schedule": .string(chaos.schedule.expression),
                "type": "Workflow",
                "concurrencyPolicy": "Forbid",
                "historyLimit": .int(Self.scheduleHistoryLimit),
                "workflow": .map(workflowSpec),
            ]
            objects.append(KubernetesObject(apiVersion: Self.apiVersion, kind: "Schedule", name: workflow.name,
                                            namespace: chaos.namespace, labels: labels, annotations: pause,
                                            body: ["spec": .map(schedule)]))
            objects += VerificationJob(workflow: workflow, chaos: chaos, verification: verification, context: context).objects
        }
        objects.append(ChaosAlerts(chaos: chaos, verification: verification, context: context).rule)
        return objects.map { $0.placed(in: context.chaosClusters) }
    }
}
