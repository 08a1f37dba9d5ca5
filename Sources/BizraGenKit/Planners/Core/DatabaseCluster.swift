import BizraSpec

/// A `databases` entry as a CloudNativePG `Cluster` (postgresql.cnpg.io/v1).
enum DatabaseCluster {
    /// The PostgreSQL images CloudNativePG publishes, tagged by major version.
    static let imageRepository = "ghcr.io/cloudnative-pg/postgresql"
    /// The label CloudNativePG puts on every instance pod of a cluster.
    static let clusterLabel = "cnpg.io/cluster"
    /// The port PostgreSQL listens on.
    static let postgresPort = 5432
    /// The instance manager's status port, which the operator polls.
    static let statusPort = 8000
    /// The port of the instance's metrics exporter.
    static let metricsPort = 9187
    /// The namespace the CloudNativePG operator runs in.
    static let operatorNamespace = "cnpg-system"

    static func cluster(_ database: Database, _ context: PlanContext) -> KubernetesObject {
        let spec: YAMLValue = [
            "instances": .int(database.instances),
            "imageName": .string("\(imageRepository):\(database.version)"),
            "storage": ["size": .string(database.storage.description)],
            "resources": ContainerHardening.resources(database.resources),
            "monitoring": ["enablePodMonitor": true],
        ]
        return KubernetesObject(apiVersion: "postgresql.cnpg.io/v1", kind: "Cluster", name: database.name,
                                namespace: context.namespace, labels: context.labels(component: "database", name: database.name),
                                annotations: [:], body: ["spec": spec])
    }
}
