import BizraSpec

/// OUT003: a reference to nothing.
public struct DanglingReference: OutputRule {
    public static let identifier = "OUT003"
    public static let severity = Severity.error
    public static let summary = "a reference to nothing: a Secret, ConfigMap, volume claim, ServiceAccount, scale target, TLS secret, TriggerAuthentication, or a Service or monitor selector that selects no pod (`optional: true` does not excuse it)"
    public static let explanation = """
        A pod whose Secret, ConfigMap, claim or ServiceAccount does not exist never starts (or, with \
        `optional: true`, starts without what it needed); an autoscaler whose target or \
        TriggerAuthentication is missing scales nothing; a Service or monitor that selects no pod \
        routes and scrapes nothing, silently. Everything referenced must be written to the same \
        cluster, or be made there by an operator bizra-gen configures (an ExternalSecret's Secret, \
        CloudNativePG's `<cluster>-app`).
        """
    public static let triggeringExamples = [
        OutputRuleExample("the service's ConfigMap left out of us-east-1") { platform in
            let name = platform.spec.services.first.map { "\($0.name)-config" } ?? ""
            platform.editCluster("us-east-1") { cluster in
                cluster.objects.removeAll { $0.object.kind == "ConfigMap" && $0.object.name == name }
            }
        },
        OutputRuleExample("a Service whose selector matches no pod") { platform in
            platform.editCluster { $0.edit({ $0.kind == "Service" && $0.value("spec.selector") != nil }) { service in
                var spec = service.body["spec"]?.mapValue ?? [:]
                spec["selector"] = ["app.kubernetes.io/name": "nothing-has-this"]
                service.body["spec"] = .map(spec)
            } }
        },
    ]

    public init() {}

    /// What a cluster provides: its objects (through its index), and what operators make of them.
    struct Provided {
        let index: ClusterIndex
        /// Secrets made by an operator from an object of the cluster, as `namespace/name`.
        var made: Set<String> = []

        func has(_ kind: String, _ namespace: String, _ name: String) -> Bool {
            index.object(kind, name, namespace: namespace.isEmpty ? nil : namespace) != nil
                || kind == "Secret" && made.contains("\(namespace)/\(name)")
        }
    }

    static func provided(by index: ClusterIndex) -> Provided {
        var provided = Provided(index: index)
        func add(_ namespace: String?, _ name: String) { provided.made.insert("\(namespace ?? "")/\(name)") }
        for planned in index.objects("ExternalSecret") where planned.object.isIn(group: "external-secrets.io") {
            add(planned.object.namespace, planned.object.value("spec.target.name")?.stringValue ?? planned.object.name)
        }
        for planned in index.objects("Cluster") where planned.object.isIn(group: "postgresql.cnpg.io") {
            let object = planned.object
            // CloudNativePG makes, unless given, the certificates, and the application owner's
            // Secret where it runs initdb with a generated password (a replica bootstraps by
            // copying the primary and gets none).
            for suffix in ["ca", "server", "replication"] { add(object.namespace, "\(object.name)-\(suffix)") }
            if object.value("spec.bootstrap.initdb") != nil && object.value("spec.bootstrap.initdb.secret") == nil {
                add(object.namespace, "\(object.name)-app")
            }
        }
        for planned in index.objects("Certificate") where planned.object.isIn(group: "cert-manager.io") {
            if let secret = planned.object.value("spec.secretName")?.stringValue { add(planned.object.namespace, secret) }
        }
        return provided
    }

    public func check(_ platform: PlannedPlatform) -> [Finding] {
        platform.clusters.flatMap { cluster -> [Finding] in
            let index = platform.index(cluster)
            let provided = Self.provided(by: index)
            var findings: [Finding] = []
            for planned in cluster.objects {
                for problem in Self.missing(planned.object, provided: provided, index: index) {
                    findings.append(finding(problem, about: planned, in: cluster, platform: platform))
                }
            }
            return findings
        }
    }

    static func missing(_ object: KubernetesObject, provided: Provided, index: ClusterIndex) -> [String] {
        let namespace = object.namespace ?? ""
        var missing: [String] = []
        func require(_ kind: String, _ name: String?, _ what: String) {
            guard let name, !provided.has(kind, namespace, name) else { return }
            missing.append("\(what) \(kind) \(namespace)/\(name) is written nowhere in this cluster")
        }
        if let spec = PlannedPod.podTemplate(of: object)?["spec"] {
            if let account = spec["serviceAccountName"]?.stringValue, account != "default" {
                require("ServiceAccount", account, "its ServiceAccount")
            }
            var claimTemplates = Set((object.value("spec.volumeClaimTemplates")?.listValue ?? []).compactMap { $0["metadata"]?["name"]?.stringValue })
            for volume in spec["volumes"]?.listValue ?? [] {
                claimTemplates.insert(volume["name"]?.stringValue ?? "")
                require("ConfigMap", volume["configMap"]?["name"]?.stringValue, "volume's")
                require("Secret", volume["secret"]?["secretName"]?.stringValue, "volume's")
                require("PersistentVolumeClaim", volume["persistentVolumeClaim"]?["claimName"]?.stringValue, "volume's")
            }
            let containers = (spec["initContainers"]?.listValue ?? []) + (spec["containers"]?.listValue ?? [])
            for container in containers {
                for env in container["env"]?.listValue ?? [] {
                    require("Secret", env["valueFrom"]?["secretKeyRef"]?["name"]?.stringValue, "env \(env["name"]?.stringValue ?? "")'s")
                    require("ConfigMap", env["valueFrom"]?["configMapKeyRef"]?["name"]?.stringValue, "env \(env["name"]?.stringValue ?? "")'s")
                }
                for source in container["envFrom"]?.listValue ?? [] {
                    require("Secret", source["secretRef"]?["name"]?.stringValue, "envFrom's")
                    require("ConfigMap", source["configMapRef"]?["name"]?.stringValue, "envFrom's")
                }
                for mount in container["volumeMounts"]?.listValue ?? [] {
                    if let name = mount["name"]?.stringValue, !claimTemplates.contains(name) {
                        missing.append("container \(container["name"]?.stringValue ?? "") mounts volume '\(name)', which the pod does not declare")
                    }
                }
            }
        }
        switch object.kind {
        case "Service":
            if object.value("spec.selector")?.mapValue?.entries.isEmpty == false, index.pods(behind: object).isEmpty {
                missing.append("its selector selects no pod in the cluster")
            }
        case "Ingress":
            for tls in object.value("spec.tls")?.listValue ?? [] { require("Secret", tls["secretName"]?.stringValue, "TLS") }
            for rule in object.value("spec.rules")?.listValue ?? [] {
                for path in rule["http"]?["paths"]?.listValue ?? [] {
                    require("Service", path["backend"]?["service"]?["name"]?.stringValue, "backend")
                }
            }
        case "HorizontalPodAutoscaler", "ScaledObject", "VerticalPodAutoscaler", "PodDisruptionBudget":
            let target = object.value("spec.scaleTargetRef") ?? object.value("spec.targetRef")
            if let target, let name = target["name"]?.stringValue {
                require(target["kind"]?.stringValue ?? "Deployment", name, "scale target")
            }
            for trigger in object.value("spec.triggers")?.listValue ?? [] {
                if let reference = trigger["authenticationRef"] {
                    require(reference["kind"]?.stringValue ?? "TriggerAuthentication", reference["name"]?.stringValue, "trigger's")
                }
            }
            if object.kind == "PodDisruptionBudget" {
                if index.pods(LabelSelector(object.value("spec.selector")), in: [namespace]).isEmpty {
                    missing.append("its selector selects no pod in the cluster")
                }
            }
        case "TriggerAuthentication":
            for entry in object.value("spec.secretTargetRef")?.listValue ?? [] {
                require("Secret", entry["name"]?.stringValue, "its")
            }
        case "ExternalSecret":
            if let store = object.value("spec.secretStoreRef"), store["kind"]?.stringValue != "ClusterSecretStore" {
                require("SecretStore", store["name"]?.stringValue, "its")
            }
        case "ServiceMonitor":
            let services = index.services(LabelSelector(object.value("spec.selector")), in: Self.monitoredNamespaces(object))
            if services.isEmpty {
                missing.append("its selector selects no Service")
            } else {
                for endpoint in object.value("spec.endpoints")?.listValue ?? [] {
                    guard let port = endpoint["port"]?.stringValue else { continue }
                    if !services.contains(where: { ($0.value("spec.ports")?.listValue ?? []).contains { $0["name"]?.stringValue == port } }) {
                        missing.append("endpoint port '\(port)' is a port of none of the Services it selects")
                    }
                }
            }
        case "PodMonitor":
            let selected = index.pods(LabelSelector(object.value("spec.selector")), in: Self.monitoredNamespaces(object))
            if selected.isEmpty {
                missing.append("its selector selects no pod")
            } else {
                for endpoint in object.value("spec.podMetricsEndpoints")?.listValue ?? [] {
                    guard let port = endpoint["port"]?.stringValue else { continue }
                    if !selected.contains(where: { $0.ports.contains { $0.name == port } }) {
                        missing.append("endpoint port '\(port)' is a port of none of the pods it selects")
                    }
                }
            }
        case "Cluster" where object.isIn(group: "postgresql.cnpg.io"):
            for path in ["spec.certificates.serverCASecret", "spec.certificates.clientCASecret", "spec.bootstrap.initdb.secret.name"] {
                if let name = object.value(path)?.stringValue, !name.hasPrefix(object.name + "-") || name == DatabaseCluster.caSecretName(object.name) {
                    require("Secret", name, path)
                }
            }
        default:
            break
        }
        return missing
    }

    /// The namespaces a monitor looks in: `namespaceSelector.matchNames`, else its own.
    static func monitoredNamespaces(_ object: KubernetesObject) -> Set<String> {
        let names = (object.value("spec.namespaceSelector.matchNames")?.listValue ?? []).compactMap(\.stringValue)
        return names.isEmpty ? [object.namespace ?? ""] : Set(names)
    }
}
