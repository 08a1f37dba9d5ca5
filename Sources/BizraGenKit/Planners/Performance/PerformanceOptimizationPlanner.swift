import BizraSpec

/// Manifest 07, in the services' namespace: Redis Cluster, Varnish with its VCL, per-service VPAs
/// and KEDA ScaledObjects and the cache alerts derived from `sla.cache`.
public struct PerformanceOptimizationPlanner: ManifestPlanner {
    public let fileName = "07-performance-optimization.yaml"

    public init() {}

    public func objects(for context: PlanContext) -> [KubernetesObject] {
        var objects: [KubernetesObject] = []
        let caching = context.spec.caching
        if let redis = caching?.redis { objects += RedisClusterPlan.objects(context, redis: redis) }
        // The same text VarnishVCLRenderer writes to varnish/default.vcl; when the template fails
        // to render, that renderer reports the error and the build stops.
        if let varnish = caching?.varnish, let vcl = (try? VarnishVCLRenderer.vcl(for: context)) ?? nil {
            objects += VarnishPlan.objects(context, varnish: varnish, vcl: vcl)
        }
        for service in context.spec.services {
            objects += ServiceAutoscalingPlan.objects(context, service: service)
        }
        objects += CacheAlertsPlan.objects(context)
        return objects
    }
}
