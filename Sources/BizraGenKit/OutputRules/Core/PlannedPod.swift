/// A pod as the cluster will run it: its namespace, labels, container ports and service account,
/// from a workload's template or from what an operator makes of a custom resource.
///
/// A reference, made once per cluster index: the flows and selections of the OUT rules share it.
public final class PlannedPod: Sendable {
    public let namespace: String
    public let labels: [String: String]
    /// Each label as `key=value`, the form the indexes look labels up by.
    let labelPairs: [String]
    /// Container ports by name (unnamed ones under "").
    public let ports: [(name: String, port: Int)]
    public let serviceAccount: String?
    /// The workload or custom resource the pod comes from.
    public let owner: KubernetesObject
    /// The pod spec, when bizra-gen writes it (not for operator-made pods).
    public let spec: YAMLValue?

    public init(namespace: String, labels: [String: String], ports: [(name: String, port: Int)], serviceAccount: String?,
                owner: KubernetesObject, spec: YAMLValue?) {
        self.namespace = namespace
        self.labels = labels
        self.labelPairs = labels.map { "\($0.key)=\($0.value)" }
        self.ports = ports
        self.serviceAccount = serviceAccount
        self.owner = owner
        self.spec = spec
    }

    /// The pods `object` makes.
    static func pods(of object: KubernetesObject) -> [PlannedPod] {
        let namespace = object.namespace ?? "default"
        if let template = podTemplate(of: object) {
            let spec = template["spec"]
            let labels = template["metadata"]?["labels"]?.mapValue?.entries.reduce(into: [String: String]()) {
                $0[$1.key] = $1.value.stringValue
            } ?? [:]
            let containers = (spec?["containers"]?.listValue ?? []) + (spec?["initContainers"]?.listValue ?? [])
            let ports = containers.flatMap { container in
                (container["ports"]?.listValue ?? []).compactMap { port -> (String, Int)? in
                    port["containerPort"]?.intValue.map { (port["name"]?.stringValue ?? "", $0) }
                }
            }
            return [PlannedPod(namespace: namespace, labels: labels, ports: ports,
                               serviceAccount: spec?["serviceAccountName"]?.stringValue ?? "default", owner: object, spec: spec)]
        }
        // CloudNativePG labels every instance with its cluster and its role (the primary, or a
        // replica), and runs PostgreSQL, the status endpoint and the metrics exporter on fixed
        // ports (cloudnative-pg docs/src/security.md, docs/src/labels_annotations.md).
        if object.kind == "Cluster", object.isIn(group: "postgresql.cnpg.io") {
            let roles = (object.value("spec.instances")?.intValue ?? 1) > 1 ? ["primary", "replica"] : ["primary"]
            return roles.map { role in
                PlannedPod(namespace: namespace, labels: [DatabaseCluster.clusterLabel: object.name, DatabaseCluster.instanceRoleLabel: role],
                           ports: [("postgresql", DatabaseCluster.postgresPort), ("status", DatabaseCluster.statusPort),
                                   ("metrics", DatabaseCluster.metricsPort)],
                           serviceAccount: object.name, owner: object, spec: nil)
            }
        }
        return []
    }

    /// The pod template of a workload kind.
    static func podTemplate(of object: KubernetesObject) -> YAMLValue? {
        switch object.kind {
        case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job": object.value("spec.template")
        case "CronJob": object.value("spec.jobTemplate.spec.template")
        default: nil
        }
    }

    /// The port a NetworkPolicy or Service names, as a number on this pod; nil when it has none by that name.
    func resolve(_ port: YAMLValue) -> Int? {
        if let number = port.intValue { return number }
        guard let name = port.stringValue else { return nil }
        if let number = Int(name) { return number }
        return ports.first { $0.name == name }?.port
    }
}

/// A Kubernetes label selector (`matchLabels` and `matchExpressions`), as metav1.LabelSelector.
struct LabelSelector {
    var matchLabels: [String: String] = [:]
    var expressions: [(key: String, op: String, values: [String])] = []

    init(matchLabels: [String: String]) { self.matchLabels = matchLabels }

    /// The selector of a YAML `LabelSelector`; nil selects everything (`{}`).
    init(_ value: YAMLValue?) {
        for entry in value?["matchLabels"]?.mapValue?.entries ?? [] {
            matchLabels[entry.key] = entry.value.stringValue ?? ""
        }
        for expression in value?["matchExpressions"]?.listValue ?? [] {
            expressions.append((expression["key"]?.stringValue ?? "", expression["operator"]?.stringValue ?? "",
                                (expression["values"]?.listValue ?? []).compactMap(\.stringValue)))
        }
    }

    /// A plain equality selector (a Service's `spec.selector`).
    init(equalities value: YAMLValue?) {
        for entry in value?.mapValue?.entries ?? [] { matchLabels[entry.key] = entry.value.stringValue ?? "" }
    }

    func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels where labels[key] != value { return false }
        for (key, op, values) in expressions {
            switch op {
            case "In": guard let value = labels[key], values.contains(value) else { return false }
            case "NotIn": if let value = labels[key], values.contains(value) { return false }
            case "Exists": if labels[key] == nil { return false }
            case "DoesNotExist": if labels[key] != nil { return false }
            default: return false
            }
        }
        return true
    }
}
