import BizraSpec

/// Promtail: a DaemonSet reading every pod's log files on its node and shipping them to Loki,
/// with the RBAC to discover pods and its pipeline (JSON parsing, extracted labels) as typed configuration.
enum PromtailPlan {
    static let component = "log-shipper"
    static let podLogs = "/var/log/pods"

    static func objects(_ context: PlanContext, namespace: String, promtail: Observability.Promtail) -> [KubernetesObject] {
        let name = ObservabilityStack.promtail
        let configName = "\(name)-config"
        let labels = context.labels(component: component, name: name)
        let config = YAMLWriter.document(self.config(namespace: namespace, promtail: promtail))
        let container = StackContainer(
            name: name, image: ObservabilityStack.Images.promtail,
            args: ["-config.file=/etc/promtail/promtail.yaml", "-config.expand-env=true"],
            ports: [("http", ObservabilityStack.promtailHTTPPort)],
            env: [StackWorkload.fieldEnv("HOSTNAME", path: "spec.nodeName")],
            resources: StackWorkload.resources(cpu: ("100m", "500m"), memory: (.mebibytes(128), .mebibytes(512))),
            readiness: StackWorkload.httpProbe("/ready", port: "http", initialDelay: 10, period: 10),
            liveness: StackWorkload.httpProbe("/ready", port: "http", initialDelay: 30, period: 20),
            volumeMounts: [("config", "/etc/promtail", true), ("pods", podLogs, true), ("run", "/run/promtail", false)])
        let hostLogs: YAMLValue = ["name": "pods", "hostPath": ["path": .string(podLogs), "type": "Directory"]]
        let template = StackWorkload.podTemplate(
            labels: StackWorkload.podLabels(context, component: component, name: name),
            annotations: ["checksum/config": SHA256.hex(config)],
            serviceAccount: name, containers: [container],
            volumes: [StackWorkload.configMapVolume("config", configMap: configName), hostLogs,
                      StackWorkload.emptyDir("run")])
        let daemonSet = KubernetesObject(
            apiVersion: "apps/v1", kind: "DaemonSet", name: name, namespace: namespace, labels: labels,
            annotations: CheckovSkip.annotations([.pinnedByTag, CheckovSkip("CKV_K8S_38", "discovers the pods of its node through the Kubernetes API")]),
            body: ["spec": [
                "selector": ["matchLabels": .map(YAMLMap(sortedKeys: context.selector(name: name)))],
                "updateStrategy": ["type": "RollingUpdate"],
                "template": template,
            ]])
        return [
            KubernetesObject(apiVersion: "v1", kind: "ServiceAccount", name: name, namespace: namespace, labels: labels,
                             body: ["automountServiceAccountToken": false]),
            KubernetesObject(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", name: name,
                             labels: labels, body: ["rules": [[
                                 "apiGroups": [""],
                                 "resources": ["nodes", "pods"],
                                 "verbs": ["get", "list", "watch"],
                             ]]]),
            KubernetesObject(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", name: name,
                             labels: labels, body: [
                                 "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(name)],
                                 "subjects": [["kind": "ServiceAccount", "name": .string(name), "namespace": .string(namespace)]],
                             ]),
            StackWorkload.configMap(context, name: configName, namespace: namespace, component: component,
                                    data: ["promtail.yaml": config]),
            daemonSet,
        ]
    }

    /// `promtail.yaml`: pods discovered through the API, their files under /var/log/pods, JSON
    /// parsed when asked, the spec's extracted fields as labels, pushed to Loki.
    static func config(namespace: String, promtail: Observability.Promtail) -> YAMLValue {
        var stages: [YAMLValue] = [["cri": [:] as YAMLValue]]
        let extracted = YAMLValue.map(YAMLMap(promtail.extractLabels.map { (key: $0, value: .string($0)) }))
        if promtail.parseJSON {
            stages.append(["json": ["expressions": extracted]])
        } else if !promtail.extractLabels.isEmpty {
            stages.append(["logfmt": ["mapping": extracted]])
        }
        if !promtail.extractLabels.isEmpty {
            stages.append(["labels": .map(YAMLMap(promtail.extractLabels.map { (key: $0, value: YAMLValue.null) }))])
        }
        func copy(_ source: String, to target: String) -> YAMLValue {
            ["source_labels": [.string(source)], "target_label": .string(target)]
        }
        return [
            "server": ["http_listen_port": .int(ObservabilityStack.promtailHTTPPort), "grpc_listen_port": 0],
            "positions": ["filename": "/run/promtail/positions.yaml"],
            "clients": [[
                "url": .string("http://\(ObservabilityStack.host(ObservabilityStack.loki, namespace)):\(ObservabilityStack.lokiHTTPPort)/loki/api/v1/push"),
            ]],
            "scrape_configs": [[
                "job_name": "kubernetes-pods",
                "kubernetes_sd_configs": [["role": "pod"]],
                "pipeline_stages": .list(stages),
                "relabel_configs": [
                    ["source_labels": ["__meta_kubernetes_pod_node_name"], "regex": "${HOSTNAME}", "action": "keep"],
                    copy("__meta_kubernetes_namespace", to: "namespace"),
                    copy("__meta_kubernetes_pod_name", to: "pod"),
                    copy("__meta_kubernetes_pod_container_name", to: "container"),
                    copy("__meta_kubernetes_pod_label_app_kubernetes_io_name", to: "app"),
                    [
                        "source_labels": ["__meta_kubernetes_pod_uid", "__meta_kubernetes_pod_container_name"],
                        "separator": "/",
                        "target_label": "__path__",
                        "replacement": .string("\(podLogs)/*$1/*.log"),
                    ],
                ],
            ]],
        ]
    }
}
