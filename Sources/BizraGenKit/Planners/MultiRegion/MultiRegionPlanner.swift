import BizraSpec

/// `09-multi-region-deployment.yaml`, each region's part: its ExternalDNS (owner of that region's
/// weighted record), the database replica of a replica region and the primary's endpoint for them
/// in the primary region, the DR backup in the primary region, the replication alerts where the
/// replicas run, and the cross-region alerts and dashboard in the primary region's cluster, where
/// the regions' series meet.
///
/// Redis is region-local: each cluster runs its own Redis Cluster (07), a cache and a queue of
/// that region's own traffic. OSS Redis Cluster cannot replicate to another cluster (`REPLICAOF`
/// is refused in cluster mode, redis `src/replication.c`), so `replication.redis` emits no object:
/// nothing would read it.
public struct MultiRegionPlanner: ManifestPlanner {
    public let fileName = "09-multi-region-deployment.yaml"

    public init() {}

    public func objects(for context: PlanContext) -> [KubernetesObject] {
        guard let regions = context.spec.regions else { return [] }
        var objects = regions.list.flatMap { ExternalDNS(regions: regions, region: $0, context: context).objects }
        for database in regions.replication.postgres {
            objects += DatabaseReplicas(replication: database, regions: regions, context: context).objects
        }
        if let backup = regions.backup {
            objects += DisasterRecoveryBackup(backup: backup, regions: regions, context: context).objects
                .map { $0.placed(in: context.primaryCluster) }
            objects += DisasterRecoveryBuckets.objects(backup: backup, regions: regions, context: context)
            objects += DatabaseArchive.objects(context)
        }
        let global = context.primaryCluster
        objects.append(MultiRegionDashboard(regions: regions, context: context).object.placed(in: global))
        objects += MultiRegionAlerts(regions: regions, context: context).objects
        objects += RegionMetricsForwarder.objects(regions: regions, context: context)
        return objects
    }
}
