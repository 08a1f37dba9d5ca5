import BizraSpec

/// `09-multi-region-deployment.yaml`: ExternalDNS, a weighted Ingress and DNSEndpoint per region,
/// CloudNativePG replica clusters and the Redis secondaries, the DR backup CronJob, the
/// multi-region dashboard and alerts.
public struct MultiRegionPlanner: ManifestPlanner {
    public let fileName = "09-multi-region-deployment.yaml"

    public init() {}

    public func objects(for context: PlanContext) -> [KubernetesObject] {
        guard let regions = context.spec.regions else { return [] }
        var objects = ExternalDNS(regions: regions, context: context).objects
        objects += RegionalRouting(regions: regions, context: context).objects
        if let database = regions.databaseReplication {
            objects += DatabaseReplicas(replication: database, context: context).objects
        }
        if let redis = regions.redisReplication {
            objects.append(RedisReplication(replication: redis, regions: regions, context: context).object)
        }
        if let backup = regions.backup {
            objects += DisasterRecoveryBackup(backup: backup, regions: regions, context: context).objects
        }
        objects.append(MultiRegionDashboard(regions: regions, context: context).object)
        objects.append(MultiRegionAlerts(regions: regions, context: context).object)
        return objects
    }
}
