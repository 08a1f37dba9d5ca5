import BizraSpec

/// How a service that `dependsOn` a database reaches it, and how its password and the
/// database's agree.
///
/// CloudNativePG creates the application owner `app` of the database `app` and, unless told
/// otherwise, generates its password into `<db>-app`, in the primary's cluster only. The
/// password comes from the secret store instead, as an ExternalSecret `<db>-app-credentials` (a
/// `kubernetes.io/basic-auth` Secret, as `bootstrap.initdb.secret` requires: cloudnative-pg
/// `docs/src/bootstrap.md`) in every cluster of the database, when a dependent service reads
/// `DATABASE_PASSWORD` from its store (that same key, so both sides hold one password) or when
/// the database is replicated (`<platform>/<environment>/<db>-app`, so the replica regions'
/// services have it too). Otherwise the services read CloudNativePG's `<db>-app`. Either way a
/// service gets the connection settings it had no way to know (`DATABASE_HOST` is `<db>-rw`, the
/// Service CloudNativePG points at the primary), unless its `config` sets them.
enum DatabaseCredentials {
    static let owner = "app"
    static let databaseName = "app"
    static let passwordKey = "DATABASE_PASSWORD"

    /// The Secret initdb reads the owner's password from.
    static func secretName(_ database: Database) -> String { "\(database.name)-app-credentials" }

    /// The store and remote key the owner's password comes from: the one a dependent service
    /// reads, else (for a replicated database) `<platform>/<environment>/<db>-app`; nil when
    /// CloudNativePG generates it.
    static func sharedPassword(of database: Database, in spec: Spec) -> (store: String, key: String, refresh: String)? {
        for service in spec.services where service.dependsOn.contains(database.name) {
            if let secrets = service.secrets, let key = secrets.keys[passwordKey] {
                return (secrets.store, key, secrets.refreshInterval.goDescription)
            }
        }
        guard DatabaseCluster.replication(of: database, in: spec) != nil,
              let store = spec.services.lazy.compactMap({ $0.secrets?.store }).first else { return nil }
        return (store, "\(spec.platform.name)/\(spec.platform.environment)/\(database.name)-app", "1h")
    }

    /// The Secret with the owner's `username` and `password` in every cluster of the database.
    static func appSecret(_ database: Database, in spec: Spec) -> String {
        sharedPassword(of: database, in: spec) != nil ? secretName(database) : "\(database.name)-app"
    }

    /// `bootstrap` of the primary's Cluster.
    static func bootstrap(_ database: Database, in spec: Spec) -> YAMLValue {
        var initdb: YAMLMap = ["database": .string(databaseName), "owner": .string(owner)]
        if sharedPassword(of: database, in: spec) != nil { initdb["secret"] = ["name": .string(secretName(database))] }
        return ["initdb": .map(initdb)]
    }

    /// The ExternalSecret `<db>-app-credentials`, in every cluster of the database; nil when
    /// CloudNativePG generates the password.
    static func externalSecret(_ database: Database, _ context: PlanContext) -> KubernetesObject? {
        guard let shared = sharedPassword(of: database, in: context.spec) else { return nil }
        let name = secretName(database)
        return KubernetesObject(
            apiVersion: ConfigSecretsPlanner.externalSecretsAPIVersion, kind: "ExternalSecret", name: name,
            namespace: context.namespace, labels: context.labels(component: "database", name: name),
            body: ["spec": [
                "refreshInterval": .string(shared.refresh),
                "secretStoreRef": SecretStoreProvider.reference(shared.store, in: context.spec),
                "target": [
                    "name": .string(name), "creationPolicy": "Owner",
                    "template": ["type": "kubernetes.io/basic-auth", "data": [
                        "username": .string(owner), "password": "{{ .password }}",
                    ]],
                ],
                "data": [["secretKey": "password", "remoteRef": ["key": .string(shared.key)]]],
            ]]).placed(in: DatabaseCluster.clusters(of: database, context))
    }

    /// The environment a service gets for the databases it depends on.
    static func environment(for service: Service, in spec: Spec) -> [YAMLValue] {
        let databases = service.dependsOn.compactMap { spec.database(named: $0) }
        guard let first = databases.first else { return [] }
        // The first database under DATABASE_*; with several, each also under <NAME>_DATABASE_*.
        var env = environment(for: first, prefix: "", service: service, spec: spec)
        if databases.count > 1 {
            for database in databases {
                env += environment(for: database, prefix: environmentPrefix(database), service: service, spec: spec)
            }
        }
        return env
    }

    /// `EVENTS_` for the database `events`.
    static func environmentPrefix(_ database: Database) -> String {
        database.name.uppercased().replacingOccurrences(of: "-", with: "_") + "_"
    }

    static func environment(for database: Database, prefix: String, service: Service, spec: Spec) -> [YAMLValue] {
        func stated(_ key: String) -> Bool { service.config[key] != nil || service.env[key] != nil }
        var env: [YAMLValue] = []
        for (key, value) in [("DATABASE_HOST", "\(database.name)-rw"), ("DATABASE_PORT", String(DatabaseCluster.postgresPort)),
                             ("DATABASE_NAME", databaseName), ("DATABASE_USER", owner)] where !stated(prefix + key) {
            env.append(["name": .string(prefix + key), "value": .string(value)])
        }
        if service.secrets?.keys[prefix + passwordKey] == nil && !stated(prefix + passwordKey) {
            env.append(["name": .string(prefix + passwordKey),
                        "valueFrom": ["secretKeyRef": ["name": .string(appSecret(database, in: spec)), "key": "password"]]])
        }
        return env
    }
}
