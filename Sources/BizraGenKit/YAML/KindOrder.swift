/// The fixed order of kinds in generated files: what others depend on comes first.
public enum KindOrder {
    /// The known kinds, in output order.
    public static let kinds: [String] = [
        "Namespace", "ResourceQuota", "LimitRange", "PriorityClass",
        "ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding",
        "ConfigMap", "Secret", "SecretStore", "ClusterSecretStore", "ExternalSecret",
        "Service", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob",
        "PodDisruptionBudget", "HorizontalPodAutoscaler", "VerticalPodAutoscaler", "Cluster",
        "Certificate", "Issuer", "ClusterIssuer", "Ingress", "NetworkPolicy",
        "ServiceMonitor", "PodMonitor", "PrometheusRule", "Jaeger", "OpenTelemetryCollector",
        "TriggerAuthentication", "ScaledObject",
        "NetworkChaos", "PodChaos", "StressChaos", "IOChaos", "HTTPChaos", "Workflow", "Schedule",
        "DNSEndpoint",
    ]

    private static let ranks: [String: Int] = Dictionary(
        uniqueKeysWithValues: kinds.enumerated().map { ($0.element, $0.offset) }
    )

    /// The kind's position in ``kinds``; every unknown kind ranks after all known ones.
    public static func rank(_ kind: String) -> Int {
        ranks[kind] ?? kinds.count
    }
}

extension Array where Element == KubernetesObject {
    /// The objects in output order: by ``KindOrder`` (unknown kinds alphabetically after the
    /// known ones), then namespace (cluster-scoped first), then name; ties by API version.
    public func sortedForOutput() -> [KubernetesObject] {
        let keys = map { OutputKey(rank: KindOrder.rank($0.kind), kind: $0.kind, namespace: $0.namespace ?? "",
                                   name: $0.name, apiVersion: $0.apiVersion) }
        let order = indices.sorted { lhs, rhs in
            let left = keys[lhs], right = keys[rhs]
            if left.rank != right.rank { return left.rank < right.rank }
            return OutputKey.ordered(left.kind, right.kind) ?? OutputKey.ordered(left.namespace, right.namespace)
                ?? OutputKey.ordered(left.name, right.name) ?? OutputKey.ordered(left.apiVersion, right.apiVersion)
                ?? String.scalarOrder(YAMLWriter.document(self[lhs].yaml), YAMLWriter.document(self[rhs].yaml))
        }
        return order.map { self[$0] }
    }
}

/// What objects are ordered by, gathered once per object rather than on every comparison.
private struct OutputKey {
    var rank: Int
    var kind: String
    var namespace: String
    var name: String
    var apiVersion: String

    /// Whether `lhs` comes first, or nil when the two are the same text.
    static func ordered(_ lhs: String, _ rhs: String) -> Bool? {
        let order = String.compareScalars(lhs, rhs)
        return order == 0 ? nil : order < 0
    }
}
