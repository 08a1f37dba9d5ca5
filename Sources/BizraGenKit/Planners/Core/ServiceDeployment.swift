import BizraSpec

/// A service's Deployment and the PersistentVolumeClaims its volumes mount.
enum ServiceDeployment {
    /// Where the writable scratch space goes, since the root filesystem is read-only.
    static let scratchVolume = (name: "tmp", mountPath: "/tmp")

    /// The name of the claim behind one of a service's volumes.
    static func claimName(_ service: Service, _ volume: Volume) -> String { "\(service.name)-\(volume.name)" }

    /// Checks whose finding is intended, with the reason, as checkov reads them from annotations:
    /// the ones every service has, and those the spec's security-context overrides ask for.
    static func checkovSkips(_ service: Service) -> [String: String] {
        var skips: [CheckovSkip] = [
            .pinnedByTag,
            CheckovSkip("CKV_K8S_35", "secrets come from the ExternalSecret's Secret as environment variables"),
        ]
        if service.securityContext?.readOnlyRootFilesystem == false {
            skips.append(CheckovSkip("CKV_K8S_22", "the image writes to its root filesystem (securityContext.readOnlyRootFilesystem: false in the spec)"))
        }
        // checkov's CKV_K8S_40 asks for a UID above 10000; the image's own non-root user may be lower.
        if let user = service.securityContext?.runAsUser, user < 10_000 {
            skips.append(CheckovSkip("CKV_K8S_40", "the image runs as its own non-root user \(user) (securityContext.runAsUser in the spec)"))
        }
        return CheckovSkip.annotations(skips)
    }

    static func deployment(_ service: Service, _ context: PlanContext) -> KubernetesObject {
        let labels = context.labels(component: CoreObjects.serviceComponent, name: service.name)
        var podAnnotations: [String: String] = [:]
        if let checksum = ConfigSecretsPlanner.configChecksum(for: service, in: context) {
            podAnnotations["checksum/config"] = checksum
        }
        var podSpec: YAMLMap = [
            "serviceAccountName": .string(service.name),
            "automountServiceAccountToken": false,
        ]
        let priorityClass = service.priorityClass ?? context.platform.priorityClasses.first(where: \.default)?.name
        podSpec.set("priorityClassName", priorityClass.map(YAMLValue.string))
        podSpec.set("securityContext", ContainerHardening.podSecurityContext(service.securityContext))
        podSpec.set("containers", [container(service, context)])
        podSpec.set("volumes", .list(volumes(service)))
        let spread = context.platform.cluster.scheduling.topologySpread
        if spread.enabled {
            podSpec.set("topologySpreadConstraints", [
                [
                    "maxSkew": 1,
                    "topologyKey": .string(spread.topologyKey),
                    "whenUnsatisfiable": .string(spread.whenUnsatisfiable.rawValue),
                    "labelSelector": ["matchLabels": CoreObjects.matchLabels(context, name: service.name)],
                ],
            ])
        }
        var template: YAMLMap = ["labels": CoreObjects.labelMap(labels)]
        if !podAnnotations.isEmpty { template.set("annotations", CoreObjects.labelMap(podAnnotations)) }
        // An autoscaled Deployment leaves `replicas` to its autoscaler: every apply would reset it otherwise.
        let replicas: [(key: String, value: YAMLValue)] = service.autoscaling == nil ? [("replicas", .int(service.minReplicas))] : []
        let spec = YAMLMap(replicas + [
            ("revisionHistoryLimit", 5),
            ("selector", ["matchLabels": CoreObjects.matchLabels(context, name: service.name)]),
            ("strategy", ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": 1, "maxUnavailable": 0]]),
            ("template", ["metadata": .map(template), "spec": .map(podSpec)]),
        ])
        return KubernetesObject(apiVersion: "apps/v1", kind: "Deployment", name: service.name,
                                namespace: context.namespace, labels: labels, annotations: checkovSkips(service),
                                body: ["spec": .map(spec)])
    }

    /// Where the services send their traces: the OpenTelemetry Collector's OTLP/HTTP port, through
    /// the variable every OpenTelemetry SDK reads; nil without tracing.
    static func otlpEndpoint(_ context: PlanContext) -> String? {
        guard let observability = context.spec.observability, let tracing = observability.tracing else { return nil }
        return "http://\(ObservabilityStack.collectorService).\(observability.namespace).svc:\(tracing.jaeger.otlp.http)"
    }

    static func container(_ service: Service, _ context: PlanContext) -> YAMLValue {
        var envFrom: [YAMLValue] = []
        if !service.config.isEmpty {
            envFrom.append(["configMapRef": ["name": .string(ConfigSecretsPlanner.configMapName(of: service))]])
        }
        if service.secrets != nil {
            envFrom.append(["secretRef": ["name": .string(ConfigSecretsPlanner.secretName(of: service))]])
        }
        var container: YAMLMap = [
            "name": .string(service.name),
            "image": .string(service.image),
            "imagePullPolicy": "Always",
        ]
        if !service.command.isEmpty { container.set("command", .list(service.command.map(YAMLValue.string))) }
        if !service.args.isEmpty { container.set("args", .list(service.args.map(YAMLValue.string))) }
        if !service.ports.isEmpty {
            container.set("ports", .list(service.ports.map { ["name": .string($0.name), "containerPort": .int($0.port), "protocol": "TCP"] }))
        }
        var env: [YAMLValue] = service.env.sorted { $0.key < $1.key }.map { ["name": .string($0.key), "value": .string($0.value)] }
        env += DatabaseCredentials.environment(for: service, in: context.spec)
        if let endpoint = otlpEndpoint(context) {
            for (key, value) in [("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint), ("OTEL_SERVICE_NAME", service.name)] where service.env[key] == nil {
                env.append(["name": .string(key), "value": .string(value)])
            }
        }
        if !env.isEmpty { container.set("env", .list(env)) }
        if !envFrom.isEmpty { container.set("envFrom", .list(envFrom)) }
        container.set("resources", ContainerHardening.resources(service.resources))
        container.set("startupProbe", service.probes.startup.map { probe($0, of: service) })
        container.set("readinessProbe", probe(service.probes.readiness, of: service))
        container.set("livenessProbe", probe(service.probes.liveness, of: service))
        container.set("securityContext", ContainerHardening.containerSecurityContext(service.securityContext))
        let mounts: [YAMLValue] = service.volumes.map { ["name": .string($0.name), "mountPath": .string($0.mountPath)] }
            + [["name": .string(scratchVolume.name), "mountPath": .string(scratchVolume.mountPath)]]
        container.set("volumeMounts", .list(mounts))
        return .map(container)
    }

    static func probe(_ probe: Probe, of service: Service) -> YAMLValue {
        let handler: (key: String, value: YAMLValue) = switch probe.check {
        case let .http(path, port): ("httpGet", ["path": .string(path), "port": .string(port)])
        case let .tcp(port): ("tcpSocket", ["port": .string(port)])
        // Kubernetes' gRPC probe takes a port number only (core/v1 GRPCAction.port is int32).
        case let .grpc(port, healthService): ("grpc", YAMLValue.map(YAMLMap([("port", .int(service.port(named: port)?.port ?? 0))]
                                                                                + (healthService.map { [("service", YAMLValue.string($0))] } ?? []))))
        case let .exec(command): ("exec", ["command": .list(command.map(YAMLValue.string))])
        }
        return ContainerHardening.probe(handler, initialDelay: probe.initialDelay, period: probe.period)
    }

    static func volumes(_ service: Service) -> [YAMLValue] {
        service.volumes.map { volume in
            ["name": .string(volume.name), "persistentVolumeClaim": ["claimName": .string(claimName(service, volume))]]
        } + [["name": .string(scratchVolume.name), "emptyDir": .map(YAMLMap())]]
    }

    /// The claim behind a volume. A service that can run more than one replica shares it between
    /// pods on different nodes, so it asks for ReadWriteMany; a single replica gets ReadWriteOnce.
    static func persistentVolumeClaim(_ service: Service, _ volume: Volume, _ context: PlanContext) -> KubernetesObject {
        let shared = service.maxReplicas > 1
        var spec: YAMLMap = ["accessModes": [.string(shared ? "ReadWriteMany" : "ReadWriteOnce")]]
        // A claim every replica mounts needs a class that can share it: without one it stays Pending.
        spec.set("storageClassName", (volume.storageClass ?? (shared ? Volume.defaultSharedStorageClass : nil)).map(YAMLValue.string))
        spec["resources"] = ["requests": ["storage": .string(volume.size.description)]]
        return KubernetesObject(apiVersion: "v1", kind: "PersistentVolumeClaim", name: claimName(service, volume),
                                namespace: context.namespace,
                                labels: context.labels(component: CoreObjects.serviceComponent, name: service.name),
                                annotations: [:], body: ["spec": .map(spec)])
    }
}
