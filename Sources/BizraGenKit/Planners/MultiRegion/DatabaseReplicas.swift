import BizraSpec

/// CloudNativePG replica clusters `<db>-<region>`, one per replication target region: they stream
/// from the primary cluster (declared as an external cluster, reached with its replication
/// certificates) after a `pg_basebackup` bootstrap.
struct DatabaseReplicas {
    static let imageRepository = "ghcr.io/cloudnative-pg/postgresql"

    let objects: [KubernetesObject]

    init(replication: Regions.Replication, context: PlanContext) {
        guard let database = context.spec.database(named: replication.source) else {
            objects = []
            return
        }
        let primary = database.name
        let external: YAMLValue = [
            "name": .string(primary),
            "connectionParameters": [
                "host": .string("\(primary)-rw.\(context.namespace).svc"),
                "user": "streaming_replica",
                "dbname": "postgres",
                "sslmode": "verify-full",
            ],
            "sslKey": ["name": .string("\(primary)-replication"), "key": "tls.key"],
            "sslCert": ["name": .string("\(primary)-replication"), "key": "tls.crt"],
            "sslRootCert": ["name": .string("\(primary)-ca"), "key": "ca.crt"],
        ]
        objects = replication.targets.map { region in
            let name = "\(primary)-\(region)"
            var labels = context.labels(component: "database-replica", name: name)
            labels[RegionalRouting.regionLabel] = region
            return KubernetesObject(
                apiVersion: "postgresql.cnpg.io/v1", kind: "Cluster", name: name, namespace: context.namespace,
                labels: labels,
                body: ["spec": [
                    "instances": .int(database.instances),
                    "imageName": .string("\(Self.imageRepository):\(database.version)"),
                    "storage": ["size": .string(database.storage.description)],
                    "resources": ContainerHardening.resources(database.resources),
                    "bootstrap": ["pg_basebackup": ["source": .string(primary)]],
                    "replica": ["enabled": true, "source": .string(primary)],
                    "externalClusters": [external],
                    "monitoring": ["enablePodMonitor": true],
                ]]
            )
        }
    }
}
