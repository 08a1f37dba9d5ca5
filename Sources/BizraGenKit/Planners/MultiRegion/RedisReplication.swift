import BizraSpec

/// The Redis secondaries, described in a ConfigMap `<redis>-replication` for the replication
/// tooling: source, primary region, secondary regions and the lag that raises an alert.
struct RedisReplication {
    static let fileName = "replication.yaml"

    let object: KubernetesObject

    init(replication: Regions.Replication, regions: Regions, context: PlanContext) {
        let name = "\(replication.source)-replication"
        let description: YAMLValue = [
            "source": .string(replication.source),
            "primaryRegion": .string(regions.primary),
            "secondaries": .list(replication.targets.map { region in
                ["region": .string(region), "replicaOf": .string("\(replication.source).\(context.namespace).svc")]
            }),
            "lagAlert": .string(replication.lagAlert.description),
        ]
        object = KubernetesObject(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: context.namespace,
                                  labels: context.labels(component: "redis-replication", name: name),
                                  body: ["data": [Self.fileName: .string(YAMLWriter.document(description))]])
    }
}
