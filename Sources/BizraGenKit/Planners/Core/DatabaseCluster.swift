import BizraSpec

/// A `databases` entry as a CloudNativePG `Cluster` (postgresql.cnpg.io/v1), in the primary
/// region's cluster (its replicas in other regions are ``DatabaseReplicas``).
enum DatabaseCluster {
    /// The PostgreSQL images CloudNativePG publishes.
    static let imageRepository = "ghcr.io/cloudnative-pg/postgresql"
    /// The image of a database: the rolling `MAJOR-TYPE-trixie` tag (the bare `16` tags are
    /// deprecated; Debian trixie is the supported base: cloudnative-pg/postgres-containers
    /// `README.md`, "Image Tags"). The `standard` type carries no Barman Cloud (it is meant for the
    /// backup plugins), so a database CloudNativePG archives with its in-tree Barman Cloud support
    /// (``DatabaseArchive``) runs the `system` type, which has it (same README, "System Images"),
    /// in every cluster, as its replicas must run the primary's binaries.
    static func image(of database: Database, in spec: Spec) -> String {
        let type = DatabaseArchive.backup(archiving: database, in: spec) != nil ? "system" : "standard"
        return "\(imageRepository):\(database.version)-\(type)-trixie"
    }
    /// The label CloudNativePG puts on every instance pod of a cluster.
    static let clusterLabel = "cnpg.io/cluster"
    /// The label CloudNativePG puts on the primary instance (`primary`) and the others (`replica`).
    static let instanceRoleLabel = "cnpg.io/instanceRole"
    /// The port PostgreSQL listens on.
    static let postgresPort = 5432
    /// The instance manager's status port, which the operator polls.
    static let statusPort = 8000
    /// The port of the instance's metrics exporter.
    static let metricsPort = 9187
    /// The namespace the CloudNativePG operator runs in.
    static let operatorNamespace = "cnpg-system"

    /// The Secret holding the CA (`ca.crt`, `ca.key`) shared by a replicated database's clusters.
    static func caSecretName(_ database: String) -> String { "\(database)-ca" }

    /// The replication of `database` to other regions, when it has one.
    static func replication(of database: Database, in spec: Spec) -> Regions.PostgresReplication? {
        guard let replication = spec.regions?.databaseReplication(of: database.name),
              !replication.replicas.isEmpty else { return nil }
        return replication
    }

    /// The Cluster of the primary, placed in the primary region's cluster.
    static func cluster(_ database: Database, _ context: PlanContext) -> KubernetesObject {
        cluster(database, context, replicaHost: context.spec.regions.flatMap { regions in
            replication(of: database, in: context.spec).map { DatabaseReplicas.primaryHost($0, regions: regions) }
        }, following: [("bootstrap", DatabaseCredentials.bootstrap(database, in: context.spec))]
            + DatabaseArchive.clusterFields(database, context)).placed(in: context.primaryCluster)
    }

    /// The Cluster's fields; a replicated database trusts the shared CA and its server certificate
    /// also names `replicaHost`, the name the other regions reach it by. A replica adds the fields
    /// that make it follow the primary (`following`).
    static func cluster(_ database: Database, _ context: PlanContext, replicaHost: String?,
                        following: [(key: String, value: YAMLValue)] = []) -> KubernetesObject {
        var spec: YAMLMap = [
            "instances": .int(database.instances),
            "imageName": .string(image(of: database, in: context.spec)),
            "storage": ["size": .string(database.storage.description)],
            "resources": ContainerHardening.resources(database.resources),
        ]
        if replication(of: database, in: context.spec) != nil {
            var certificates: YAMLMap = [
                "serverCASecret": .string(caSecretName(database.name)),
                "clientCASecret": .string(caSecretName(database.name)),
            ]
            if let replicaHost { certificates["serverAltDNSNames"] = [.string(replicaHost)] }
            spec["certificates"] = .map(certificates)
        }
        for field in following { spec[field.key] = field.value }
        return KubernetesObject(apiVersion: "postgresql.cnpg.io/v1", kind: "Cluster", name: database.name,
                                namespace: context.namespace, labels: context.labels(component: "database", name: database.name),
                                annotations: [:], body: ["spec": .map(spec)])
    }

    /// The clusters a database runs in: the primary region's, and its replicas' regions.
    static func clusters(of database: Database, _ context: PlanContext) -> [String] {
        [context.primaryCluster] + (replication(of: database, in: context.spec)?.replicas ?? [])
    }

    /// The PodMonitor of a database's instances (CloudNativePG's exporter on the `metrics` port),
    /// the monitor CloudNativePG documents now that its own `enablePodMonitor` is deprecated
    /// (cloudnative-pg `docs/src/monitoring.md`).
    static func podMonitor(_ database: Database, _ context: PlanContext) -> KubernetesObject {
        KubernetesObject(apiVersion: "monitoring.coreos.com/v1", kind: "PodMonitor", name: database.name,
                         namespace: context.namespace, labels: context.labels(component: "database", name: database.name),
                         body: ["spec": [
                             "selector": ["matchLabels": .map(YAMLMap(sortedKeys: [clusterLabel: database.name]))],
                             "podMetricsEndpoints": [["port": "metrics"]],
                         ]])
    }

    /// The ExternalSecret `<db>-ca`: the CA every cluster of a replicated database trusts, from
    /// `<platform>/<environment>/<db>-ca` in the platform's secret store (a JSON secret with the keys
    /// `ca.crt` and `ca.key`); nil when the database is not replicated or no service names a store.
    static func caSecret(_ database: Database, _ context: PlanContext) -> KubernetesObject? {
        guard replication(of: database, in: context.spec) != nil,
              let store = context.spec.services.lazy.compactMap({ $0.secrets?.store }).first else { return nil }
        let name = caSecretName(database.name)
        let platform = context.platform
        return KubernetesObject(
            apiVersion: ConfigSecretsPlanner.externalSecretsAPIVersion, kind: "ExternalSecret", name: name,
            namespace: context.namespace, labels: context.labels(component: "database", name: name),
            body: ["spec": [
                "refreshInterval": "1h",
                "secretStoreRef": SecretStoreProvider.reference(store, in: context.spec),
                "target": ["name": .string(name), "creationPolicy": "Owner"],
                "dataFrom": [["extract": ["key": .string("\(platform.name)/\(platform.environment)/\(name)")]]],
            ]]
        )
    }
}
