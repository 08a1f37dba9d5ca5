import BizraSpec

/// `02-config-secrets.yaml`: each service's ConfigMap, the SecretStores (with the ServiceAccount
/// they authenticate as) and each service's ExternalSecret. Secret values never pass through:
/// only their paths in the external store.
public struct ConfigSecretsPlanner: ManifestPlanner {
    /// The API version of SecretStore and ExternalSecret: `v1` is the served, storage version of
    /// the external-secrets CRDs (`v1beta1` is no longer served).
    public static let externalSecretsAPIVersion = "external-secrets.io/v1"

    public init() {}

    public var fileName: String { "02-config-secrets.yaml" }

    public func objects(for context: PlanContext) -> [KubernetesObject] {
        var objects: [KubernetesObject] = []
        for service in context.spec.services {
            if let configMap = Self.configMap(for: service, in: context) { objects.append(configMap) }
            if let externalSecret = Self.externalSecret(for: service, in: context) { objects.append(externalSecret) }
        }
        for database in context.spec.databases {
            if let credentials = DatabaseCredentials.externalSecret(database, context) { objects.append(credentials) }
            guard let secret = DatabaseCluster.caSecret(database, context) else { continue }
            objects.append(secret.placed(in: DatabaseCluster.clusters(of: database, context)))
        }
        let stores = Set(context.spec.services.compactMap { $0.secrets?.store }).sorted()
        for store in stores {
            for cluster in context.clusters {
                guard let provider = SecretStoreProvider.named(store, in: context.spec, region: cluster) else { continue }
                objects.append(storeServiceAccount(store, context).placed(in: cluster))
                objects.append(secretStore(store, provider, context).placed(in: cluster))
            }
        }
        return objects
    }

    /// The name of a service's ConfigMap.
    public static func configMapName(of service: Service) -> String { "\(service.name)-config" }

    /// The name of the Secret a service's ExternalSecret writes (and of the ExternalSecret).
    public static func secretName(of service: Service) -> String { "\(service.name)-secrets" }

    /// The ConfigMap `<service>-config` holding the service's `config`, keys sorted; nil when it has none.
    public static func configMap(for service: Service, in context: PlanContext) -> KubernetesObject? {
        guard !service.config.isEmpty else { return nil }
        return KubernetesObject(apiVersion: "v1", kind: "ConfigMap", name: configMapName(of: service),
                                namespace: context.namespace,
                                labels: context.labels(component: CoreObjects.serviceComponent, name: service.name),
                                annotations: [:], body: ["data": .map(YAMLMap(sortedKeys: service.config))])
    }

    /// The `checksum/config` of a service's pods: SHA-256 of its ConfigMap's rendered YAML document,
    /// so that a config change rolls the pods and nothing else does; nil when it has no ConfigMap.
    public static func configChecksum(for service: Service, in context: PlanContext) -> String? {
        configMap(for: service, in: context).map { SHA256.hex(YAMLWriter.document($0.yaml)) }
    }

    /// The ExternalSecret `<service>-secrets`: each key from its path in the store; nil without secrets.
    public static func externalSecret(for service: Service, in context: PlanContext) -> KubernetesObject? {
        guard let secrets = service.secrets else { return nil }
        let data: [YAMLValue] = secrets.keys.keys.sorted(by: String.scalarOrder).map { key in
            ["secretKey": .string(key), "remoteRef": ["key": .string(secrets.keys[key]!)]]
        }
        let spec: YAMLValue = [
            "refreshInterval": .string(secrets.refreshInterval.goDescription),
            "secretStoreRef": SecretStoreProvider.reference(secrets.store, in: context.spec),
            "target": ["name": .string(secretName(of: service)), "creationPolicy": "Owner"],
            "data": .list(data),
        ]
        return KubernetesObject(apiVersion: externalSecretsAPIVersion, kind: "ExternalSecret",
                                name: secretName(of: service), namespace: context.namespace,
                                labels: context.labels(component: CoreObjects.serviceComponent, name: service.name),
                                annotations: [:], body: ["spec": spec])
    }

    /// The identity the store authenticates as (bound to a cloud role outside the cluster).
    func storeServiceAccount(_ store: String, _ context: PlanContext) -> KubernetesObject {
        KubernetesObject(apiVersion: "v1", kind: "ServiceAccount", name: store, namespace: context.namespace,
                         labels: context.labels(component: "secret-store", name: store),
                         annotations: context.cloudIdentity(serviceAccount: store),
                         body: ["automountServiceAccountToken": false])
    }

    func secretStore(_ store: String, _ provider: SecretStoreProvider, _ context: PlanContext) -> KubernetesObject {
        KubernetesObject(apiVersion: Self.externalSecretsAPIVersion, kind: "SecretStore", name: store,
                         namespace: context.namespace, labels: context.labels(component: "secret-store", name: store),
                         annotations: [:], body: ["spec": ["provider": provider.provider(serviceAccount: context.platform.aws == nil ? nil : store)]])
    }
}
