import BizraSpec

/// The Chaos Mesh Workflow spec: a Serial entry that runs the steps in order, each a template of
/// its experiment's kind with `deadline` = its duration, then the verification Task (``ChaosVerification``).
struct ResilienceWorkflow {
    let spec: YAMLMap

    init(_ workflow: Chaos.Workflow, chaos: Chaos, verification: ChaosVerification, context: PlanContext) {
        let steps = workflow.steps.compactMap(chaos.experiment(named:))
        let verifyName = verification.containerName
        var templates: [YAMLValue] = [[
            "name": .string(workflow.name),
            "templateType": "Serial",
            "children": .list((steps.map(\.name) + [verifyName]).map(YAMLValue.string)),
        ]]
        for experiment in steps {
            let plan = ChaosExperimentPlan(experiment, chaos: chaos, context: context)
            var template: YAMLMap = [
                "name": .string(experiment.name),
                "templateType": .string(plan.kind),
                "deadline": .string(experiment.duration.goDescription),
            ]
            template[plan.workflowField] = .map(plan.spec)
            templates.append(.map(template))
        }
        templates.append([
            "name": .string(verifyName),
            "templateType": "Task",
            "task": ["container": verification.container],
        ])
        spec = ["entry": .string(workflow.name), "templates": .list(templates)]
    }
}
