/// The planners of the nine manifests, in file order, and the renderers of the other artifacts.
public enum PlannerRegistry {
    public static let manifests: [any ManifestPlanner] = [
        NamespacesPlanner(),
        ConfigSecretsPlanner(),
        WorkloadsPlanner(),
        ServicesIngressPlanner(),
        MonitoringPlanner(),
        AdvancedObservabilityPlanner(),
        PerformanceOptimizationPlanner(),
        ChaosEngineeringPlanner(),
        MultiRegionPlanner(),
    ]

    public static let artifacts: [any ArtifactRenderer] = [
        VarnishVCLRenderer(),
        K6ScriptRenderer(),
        BenchmarkScriptRenderer(),
        PromtoolTestRenderer(),
        GitOpsRenderer(),
        DeployScriptRenderer(),
        CDNRulesRenderer(),
    ]
}
