import BizraSpec

/// Log collection (`observability.logs.promtail`): Grafana Alloy, Promtail's successor
/// (Promtail reached end of life on 2026-03-02), as a DaemonSet that tails the logs of its own
/// node's pods through the Kubernetes API and pushes them to Loki, with the pipeline the spec
/// asks for (JSON or logfmt parsing, extracted fields as labels).
///
/// `loki.source.kubernetes` reads logs through the API, so the pods need no hostPath, no root and
/// no privileged namespace (grafana/alloy `docs/sources/reference/components/loki/loki.source.kubernetes.md`);
/// each pod discovers only the pods of its node (`discovery.kubernetes` with a `spec.nodeName`
/// field selector, the node-local example of `discovery.kubernetes.md`), so no line is shipped twice.
enum AlloyLogsPlan {
    static let component = "log-collector"
    static let configFile = "config.alloy"
    static let dataPath = "/var/lib/alloy/data"

    static func objects(_ context: PlanContext, namespace: String, logs: Observability.Promtail) -> [KubernetesObject] {
        let name = ObservabilityStack.logCollector
        let configName = "\(name)-config"
        let labels = context.labels(component: component, name: name)
        let config = self.config(namespace: namespace, logs: logs)
        let container = StackContainer(
            name: name, image: ObservabilityStack.Images.alloy,
            args: ["run", "/etc/alloy/\(configFile)", "--storage.path=\(dataPath)",
                   "--server.http.listen-addr=0.0.0.0:\(ObservabilityStack.logCollectorHTTPPort)",
                   "--stability.level=generally-available", "--disable-reporting"],
            ports: [("http-metrics", ObservabilityStack.logCollectorHTTPPort)],
            env: [StackWorkload.fieldEnv("NODE_NAME", path: "spec.nodeName")],
            resources: StackWorkload.resources(cpu: ("100m", "500m"), memory: (.mebibytes(128), .mebibytes(512))),
            readiness: StackWorkload.httpProbe("/-/ready", port: "http-metrics", initialDelay: 10, period: 10),
            liveness: StackWorkload.httpProbe("/-/healthy", port: "http-metrics", initialDelay: 30, period: 20),
            volumeMounts: [("config", "/etc/alloy", true), ("data", dataPath, false), ("tmp", "/tmp", false)])
        let template = StackWorkload.podTemplate(
            labels: StackWorkload.podLabels(context, component: component, name: name),
            annotations: ["checksum/config": SHA256.hex(config)],
            serviceAccount: name, containers: [container],
            volumes: [StackWorkload.configMapVolume("config", configMap: configName),
                      StackWorkload.emptyDir("data"), StackWorkload.emptyDir("tmp")])
        let daemonSet = KubernetesObject(
            apiVersion: "apps/v1", kind: "DaemonSet", name: name, namespace: namespace, labels: labels,
            annotations: CheckovSkip.annotations([.pinnedByTag, CheckovSkip("CKV_K8S_38", "discovers the pods of its node and reads their logs through the Kubernetes API")]),
            body: ["spec": [
                "selector": ["matchLabels": .map(YAMLMap(sortedKeys: context.selector(name: name)))],
                "updateStrategy": ["type": "RollingUpdate"],
                "template": template,
            ]])
        return [
            KubernetesObject(apiVersion: "v1", kind: "ServiceAccount", name: name, namespace: namespace, labels: labels,
                             body: ["automountServiceAccountToken": false]),
            // The rules the Alloy chart grants loki.source.kubernetes (operations/helm/charts/alloy/values.yaml, rbac.rules[1]).
            KubernetesObject(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", name: name,
                             labels: labels, body: ["rules": [[
                                 "apiGroups": [""],
                                 "resources": ["namespaces", "pods", "pods/log"],
                                 "verbs": ["get", "list", "watch"],
                             ]]]),
            KubernetesObject(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", name: name,
                             labels: labels, body: [
                                 "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(name)],
                                 "subjects": [["kind": "ServiceAccount", "name": .string(name), "namespace": .string(namespace)]],
                             ]),
            StackWorkload.configMap(context, name: configName, namespace: namespace, component: component,
                                    data: [configFile: config]),
            daemonSet,
        ]
    }

    /// `config.alloy`: this node's pods, labelled by namespace, pod, container and app; their
    /// lines parsed (JSON when asked, else logfmt for the extracted fields); pushed to Loki.
    static func config(namespace: String, logs: Observability.Promtail) -> String {
        func copy(_ source: String, to target: String) -> AlloyBlock {
            AlloyBlock("rule", nil, [("source_labels", .strings([source])), ("target_label", .string(target))])
        }
        let fields = logs.extractLabels.map { (key: $0, value: $0) }
        var stages: [AlloyBlock] = []
        if logs.parseJson {
            stages.append(AlloyBlock("stage.json", nil, [("expressions", .map(fields))]))
        } else if !fields.isEmpty {
            stages.append(AlloyBlock("stage.logfmt", nil, [("mapping", .map(fields))]))
        }
        if !fields.isEmpty {
            stages.append(AlloyBlock("stage.labels", nil, [("values", .map(logs.extractLabels.map { (key: $0, value: "") }))]))
        }
        let push = "http://\(ObservabilityStack.host(ObservabilityStack.loki, namespace)):\(ObservabilityStack.lokiHTTPPort)/loki/api/v1/push"
        return AlloyBlock.file([
            AlloyBlock("discovery.kubernetes", "pods", [("role", .string("pod"))], blocks: [
                AlloyBlock("selectors", nil, [("role", .string("pod")),
                                              ("field", .expression("\"spec.nodeName=\" + sys.env(\"NODE_NAME\")"))]),
            ]),
            AlloyBlock("discovery.relabel", "pods", [("targets", .expression("discovery.kubernetes.pods.targets"))], blocks: [
                copy("__meta_kubernetes_namespace", to: "namespace"),
                copy("__meta_kubernetes_pod_name", to: "pod"),
                copy("__meta_kubernetes_pod_container_name", to: "container"),
                copy("__meta_kubernetes_pod_label_app_kubernetes_io_name", to: "app"),
            ]),
            AlloyBlock("loki.source.kubernetes", "pods", [
                ("targets", .expression("discovery.relabel.pods.output")),
                ("forward_to", .expression("[loki.process.pods.receiver]")),
            ]),
            AlloyBlock("loki.process", "pods", [("forward_to", .expression("[loki.write.loki.receiver]"))], blocks: stages),
            AlloyBlock("loki.write", "loki", blocks: [AlloyBlock("endpoint", nil, [("url", .string(push))])]),
        ])
    }
}
