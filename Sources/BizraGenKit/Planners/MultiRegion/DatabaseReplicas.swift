import BizraSpec

/// The replication of a database across clusters (CloudNativePG replica clusters).
///
/// - In the primary region: the `<db>-primary` Service, an internal Network Load Balancer in front
///   of the primary instance, published by that region's ExternalDNS as the replication endpoint
///   (`primaryHost`, default `<db>.<primary region>.<dns zone>`); the primary's server certificate
///   covers that name (``DatabaseCluster``).
/// - In each replica region: a Cluster of the same name in replica mode, bootstrapped with
///   `pg_basebackup` and streaming from the primary as the external cluster `<db>-<primary region>`
///   (cloudnative-pg `docs/src/replica_cluster.md`). Both ends trust one CA, provisioned in every
///   cluster from the secret store (``DatabaseCluster/caSecret(_:_:)``): the replica's operator signs
///   its `streaming_replica` client certificate (`<db>-replication`) with it, and the primary's
///   operator accepts it; the replica verifies the primary's server certificate with it.
///
/// Promotion: set `spec.replica.enabled: false` on the replica of the region taking over.
struct DatabaseReplicas {
    let objects: [KubernetesObject]

    /// The host under which the primary is reachable from the replicas' regions.
    static func primaryHost(_ replication: Regions.PostgresReplication, regions: Regions) -> String {
        replication.primaryHost ?? "\(replication.source).\(regions.primary).\(regions.dns.zone)"
    }

    /// The name of the primary cluster as the replicas' external cluster.
    static func externalName(_ replication: Regions.PostgresReplication, regions: Regions) -> String {
        "\(replication.source)-\(regions.primary)"
    }

    /// The Service that exposes the primary instance to the other regions.
    static func endpointName(_ database: String) -> String { "\(database)-primary" }

    init(replication: Regions.PostgresReplication, regions: Regions, context: PlanContext) {
        guard let database = context.spec.database(named: replication.source) else {
            objects = []
            return
        }
        let primary = database.name
        let host = Self.primaryHost(replication, regions: regions)
        let external: YAMLValue = [
            "name": .string(Self.externalName(replication, regions: regions)),
            "connectionParameters": [
                "host": .string(host),
                "user": "streaming_replica",
                "dbname": "postgres",
                "sslmode": "verify-full",
            ],
            "sslKey": ["name": .string("\(primary)-replication"), "key": "tls.key"],
            "sslCert": ["name": .string("\(primary)-replication"), "key": "tls.crt"],
            "sslRootCert": ["name": .string(DatabaseCluster.caSecretName(primary)), "key": "ca.crt"],
        ]
        var objects: [KubernetesObject] = replication.replicas.map { region in
            let source = YAMLValue.string(Self.externalName(replication, regions: regions))
            var cluster = DatabaseCluster.cluster(database, context, replicaHost: host, following: [
                ("bootstrap", ["pg_basebackup": ["source": source]]),
                ("replica", ["enabled": true, "source": source]),
                ("externalClusters", [external]),
            ])
            cluster.labels[PublicIngress.regionLabel] = region
            return cluster.placed(in: region)
        }
        var labels = context.labels(component: "database", name: Self.endpointName(primary))
        labels[PublicIngress.regionLabel] = regions.primary
        objects.append(KubernetesObject(
            apiVersion: "v1", kind: "Service", name: Self.endpointName(primary), namespace: context.namespace,
            labels: labels,
            annotations: [
                "service.beta.kubernetes.io/aws-load-balancer-type": "external",
                "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
                "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal",
                "external-dns.alpha.kubernetes.io/hostname": host,
            ],
            body: ["spec": [
                "type": "LoadBalancer",
                "selector": .map(YAMLMap(sortedKeys: [DatabaseCluster.clusterLabel: primary, DatabaseCluster.instanceRoleLabel: "primary"])),
                "ports": [["name": "postgres", "port": .int(DatabaseCluster.postgresPort),
                           "targetPort": .int(DatabaseCluster.postgresPort), "protocol": "TCP"]],
            ]],
            placement: .only(regions.primary)
        ))
        self.objects = objects
    }
}
