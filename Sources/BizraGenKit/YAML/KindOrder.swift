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
        let keys = map { (rank: KindOrder.rank($0.kind), texts: [$0.kind, $0.namespace ?? "", $0.name, $0.apiVersion]) }
        let order = indices.sorted { lhs, rhs in
            if keys[lhs].rank != keys[rhs].rank { return keys[lhs].rank < keys[rhs].rank }
            for (left, right) in zip(keys[lhs].texts, keys[rhs].texts) where !left.utf8.elementsEqual(right.utf8) {
                return String.scalarOrder(left, right)
            }
            return String.scalarOrder(YAMLWriter.document(self[lhs].yaml), YAMLWriter.document(self[rhs].yaml))
        }
        return order.map { self[$0] }
    }
}
