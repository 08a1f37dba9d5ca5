import BizraSpec

/// The external-secrets provider behind a service's `secrets.store` name.
///
/// Only providers that need nothing beyond what the spec states are known; a store the
/// planner does not know gets no SecretStore (its ExternalSecrets still reference it by name).
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
