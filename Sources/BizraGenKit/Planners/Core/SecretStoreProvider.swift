import BizraSpec

/// The external-secrets provider behind a service's `secrets.store` name.
///
/// Only providers that need nothing beyond what the spec states are known: bizra-gen writes their
/// SecretStore in every cluster. A store it cannot write (another provider, or AWS with no region
/// to read from) is taken to be a `ClusterSecretStore` of that name that the platform team runs
/// (README, "What the clusters must already have").
enum SecretStoreProvider {
    /// AWS Secrets Manager or Parameter Store, in the given region.
    case aws(service: String, region: String)

    /// The provider of the store `name` for the cluster of `region` (each region reads its own
    /// region's store, so that a region keeps its secrets when another fails), or nil when the
    /// provider is unknown or the spec states no region.
    static func named(_ name: String, in spec: Spec, region: String) -> SecretStoreProvider? {
        guard spec.regions != nil else { return nil }
        switch name {
        case "aws-secrets-manager": return .aws(service: "SecretsManager", region: region)
        case "aws-parameter-store": return .aws(service: "ParameterStore", region: region)
        default: return nil
        }
    }

    /// An ExternalSecret's `secretStoreRef` to the store `name`: the SecretStore bizra-gen writes, or
    /// the platform's ClusterSecretStore of that name.
    static func reference(_ name: String, in spec: Spec) -> YAMLValue {
        let written = named(name, in: spec, region: spec.regions?.primary ?? "") != nil
        return ["kind": written ? "SecretStore" : "ClusterSecretStore", "name": .string(name)]
    }

    /// `spec.provider` of the SecretStore; authentication is the store's own ServiceAccount token
    /// (IRSA or EKS Pod Identity), never credentials.
    ///
    /// With a ServiceAccount, the store authenticates as that account's IRSA role (external-secrets
    /// `providers/v1/aws/auth/auth.go` requires its `eks.amazonaws.com/role-arn`); without one, as the
    /// External Secrets controller's own identity (EKS Pod Identity).
    func provider(serviceAccount: String?) -> YAMLValue {
        switch self {
        case let .aws(service, region):
            var aws: YAMLMap = ["service": .string(service), "region": .string(region)]
            if let serviceAccount { aws["auth"] = ["jwt": ["serviceAccountRef": ["name": .string(serviceAccount)]]] }
            return ["aws": .map(aws)]
        }
    }
}
