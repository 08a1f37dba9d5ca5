/// The CHAOS family: experiments are safe.
let chaosRules: [any Rule.Type] = [UnpausedProductionChaos.self, WorkflowLongerThanSchedule.self, ChaosBelowDisruptionBudget.self]
