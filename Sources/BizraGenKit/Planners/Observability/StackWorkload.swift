import BizraSpec

/// A hardened container of one of the platform's infrastructure components (Loki, Redis,
/// Varnish ...): security context, requests and limits, readiness and liveness probes.
struct StackContainer {
    var name: String
    var image: String
    var command: [String] = []
    var args: [String] = []
    var ports: [(name: String, port: Int)] = []
    var env: [YAMLValue] = []
    var resources: Resources
    var readiness: YAMLValue
    var liveness: YAMLValue
    var volumeMounts: [(name: String, path: String, readOnly: Bool)] = []
    /// A command run in the container once it has started (`lifecycle.postStart`).
    var postStart: [String] = []

    var yaml: YAMLValue {
        var map: YAMLMap = ["name": .string(name), "image": .string(image), "imagePullPolicy": "Always"]
        if !command.isEmpty { map["command"] = .list(command.map(YAMLValue.string)) }
        if !args.isEmpty { map["args"] = .list(args.map(YAMLValue.string)) }
        if !ports.isEmpty {
            map["ports"] = .list(ports.map { ["name": .string($0.name), "containerPort": .int($0.port), "protocol": "TCP"] })
        }
        if !env.isEmpty { map["env"] = .list(env) }
        map["resources"] = ContainerHardening.resources(resources)
        map["readinessProbe"] = readiness
        map["livenessProbe"] = liveness
        map["securityContext"] = ContainerHardening.containerSecurityContext
        if !postStart.isEmpty {
            map["lifecycle"] = ["postStart": ["exec": ["command": .list(postStart.map(YAMLValue.string))]]]
        }
        if !volumeMounts.isEmpty {
            map["volumeMounts"] = .list(volumeMounts.map { mount in
                var entry: YAMLMap = ["name": .string(mount.name), "mountPath": .string(mount.path)]
                if mount.readOnly { entry["readOnly"] = true }
                return .map(entry)
            })
        }
        return .map(map)
    }
}

/// Builders for the pods and Services of infrastructure components.
enum StackWorkload {
    /// Requests and limits from plain amounts.
    static func resources(cpu: (String, String), memory: (ByteSize, ByteSize)) -> Resources {
        Resources(requests: ResourceAmounts(cpu: try! CPU(parsing: cpu.0), memory: memory.0),
                  limits: ResourceAmounts(cpu: try! CPU(parsing: cpu.1), memory: memory.1))
    }

    /// An HTTP probe on a named port.
    static func httpProbe(_ path: String, port: String, initialDelay: Int64 = 10, period: Int64 = 10) -> YAMLValue {
        ContainerHardening.httpProbe(path: path, port: .string(port), initialDelay: .seconds(initialDelay),
                                     period: .seconds(period))
    }

    /// An environment variable read from a Secret key.
    static func secretEnv(_ name: String, secret: String, key: String) -> YAMLValue {
        ["name": .string(name), "valueFrom": ["secretKeyRef": ["name": .string(secret), "key": .string(key)]]]
    }

    /// A plain environment variable.
    static func env(_ name: String, _ value: String) -> YAMLValue {
        ["name": .string(name), "value": .string(value)]
    }

    /// An environment variable from a pod field (`status.podIP`).
    static func fieldEnv(_ name: String, path: String) -> YAMLValue {
        ["name": .string(name), "valueFrom": ["fieldRef": ["fieldPath": .string(path)]]]
    }

    /// A pod template: labels, optional annotations, hardened pod security context, containers, volumes.
    static func podTemplate(labels: [String: String], annotations: [String: String] = [:],
                            serviceAccount: String? = nil, containers: [StackContainer],
                            volumes: [YAMLValue] = [], restartPolicy: String? = nil,
                            spreadOverNodes: [String: String]? = nil) -> YAMLValue {
        var metadata: YAMLMap = ["labels": .map(YAMLMap(sortedKeys: labels))]
        if !annotations.isEmpty { metadata["annotations"] = .map(YAMLMap(sortedKeys: annotations)) }
        var spec: YAMLMap = [:]
        if let serviceAccount {
            spec["serviceAccountName"] = .string(serviceAccount)
            spec["automountServiceAccountToken"] = true
        } else {
            spec["automountServiceAccountToken"] = false
        }
        spec["securityContext"] = ContainerHardening.podSecurityContext
        if let restartPolicy { spec["restartPolicy"] = .string(restartPolicy) }
        spec["containers"] = .list(containers.map(\.yaml))
        if !volumes.isEmpty { spec["volumes"] = .list(volumes) }
        if let spreadOverNodes {
            // One node lost takes at most one pod of the set with it.
            spec["topologySpreadConstraints"] = [[
                "maxSkew": 1, "topologyKey": "kubernetes.io/hostname", "whenUnsatisfiable": "DoNotSchedule",
                "labelSelector": ["matchLabels": .map(YAMLMap(sortedKeys: spreadOverNodes))],
            ]]
        }
        return ["metadata": .map(metadata), "spec": .map(spec)]
    }

    /// An emptyDir volume.
    static func emptyDir(_ name: String) -> YAMLValue { ["name": .string(name), "emptyDir": [:] as YAMLValue] }

    /// A volume of a ConfigMap's keys.
    static func configMapVolume(_ name: String, configMap: String) -> YAMLValue {
        ["name": .string(name), "configMap": ["name": .string(configMap)]]
    }

    /// A `volumeClaimTemplates` entry.
    static func claimTemplate(_ name: String, size: ByteSize) -> YAMLValue {
        [
            "metadata": ["name": .string(name)],
            "spec": [
                "accessModes": ["ReadWriteOnce"],
                "resources": ["requests": ["storage": .string(size.description)]],
            ],
        ]
    }

    /// A Service selecting `selector` with named TCP ports (`targetPort` is the port's name).
    static func service(_ context: PlanContext, name: String, namespace: String, component: String,
                        selector: [String: String], ports: [(name: String, port: Int, target: String)],
                        headless: Bool = false) -> KubernetesObject {
        var spec: YAMLMap = ["type": "ClusterIP"]
        if headless {
            spec["clusterIP"] = "None"
            spec["publishNotReadyAddresses"] = true
        }
        spec["selector"] = .map(YAMLMap(sortedKeys: selector))
        spec["ports"] = .list(ports.map {
            ["name": .string($0.name), "port": .int($0.port), "targetPort": .string($0.target), "protocol": "TCP"]
        })
        return KubernetesObject(apiVersion: "v1", kind: "Service", name: name, namespace: namespace,
                                labels: context.labels(component: component, name: name), body: ["spec": .map(spec)])
    }

    /// A ConfigMap.
    static func configMap(_ context: PlanContext, name: String, namespace: String, component: String,
                          data: [String: String]) -> KubernetesObject {
        KubernetesObject(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: namespace,
                         labels: context.labels(component: component, name: name),
                         body: ["data": .map(YAMLMap(sortedKeys: data))])
    }

    /// A StatefulSet of `replicas` pods with one volume claim template; its images are pinned by
    /// tag, and `skips` are its other intended checkov findings.
    static func statefulSet(_ context: PlanContext, name: String, namespace: String, component: String,
                            serviceName: String, replicas: Int, template: YAMLValue,
                            claims: [YAMLValue], skips: [CheckovSkip] = []) -> KubernetesObject {
        let annotations = CheckovSkip.annotations([.pinnedByTag] + skips)
        var spec: YAMLMap = [
            "serviceName": .string(serviceName),
            "replicas": .int(replicas),
            "podManagementPolicy": "Parallel",
            "selector": ["matchLabels": .map(YAMLMap(sortedKeys: context.selector(name: name)))],
            "template": template,
        ]
        if !claims.isEmpty { spec["volumeClaimTemplates"] = .list(claims) }
        return KubernetesObject(apiVersion: "apps/v1", kind: "StatefulSet", name: name, namespace: namespace,
                                labels: context.labels(component: component, name: name), annotations: annotations,
                                body: ["spec": .map(spec)])
    }

    /// The labels of a component's pods: its labels, which include its selector.
    static func podLabels(_ context: PlanContext, component: String, name: String) -> [String: String] {
        context.labels(component: component, name: name).merging(context.selector(name: name)) { _, new in new }
    }

    /// A number as YAML: an integer when whole.
    static func number(_ value: Double) -> YAMLValue {
        value == value.rounded() && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
    }

    /// Whole mebibytes of a size.
    static func mebibytes(_ size: ByteSize) -> Int { Int(size.bytes >> 20) }
}
