import BizraSpec

/// The security settings every emitted pod and container carries (non-root, read-only root
/// filesystem, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp).
public enum ContainerHardening {
    /// A non-root user id that no base image reserves.
    public static let runAsUser = 65532

    /// `securityContext` of a container.
    public static var containerSecurityContext: YAMLValue { containerSecurityContext(nil) }

    /// `securityContext` of a container, with what a service's image needs changed.
    public static func containerSecurityContext(_ overrides: SecurityOverrides?) -> YAMLValue {
        var capabilities: YAMLMap = ["drop": ["ALL"]]
        if let added = overrides?.capabilities?.add, !added.isEmpty { capabilities.set("add", .list(added.map(YAMLValue.string))) }
        return [
            "allowPrivilegeEscalation": false,
            "capabilities": .map(capabilities),
            "privileged": false,
            "readOnlyRootFilesystem": .bool(overrides?.readOnlyRootFilesystem ?? true),
            "runAsNonRoot": true,
            "runAsUser": .int(overrides?.runAsUser ?? runAsUser),
            "runAsGroup": .int(overrides?.runAsGroup ?? runAsUser),
            "seccompProfile": ["type": "RuntimeDefault"],
        ]
    }

    /// `securityContext` of a pod.
    public static var podSecurityContext: YAMLValue { podSecurityContext(nil) }

    /// `securityContext` of a pod, with what a service's image needs changed.
    public static func podSecurityContext(_ overrides: SecurityOverrides?) -> YAMLValue {
        [
            "runAsNonRoot": true,
            "runAsUser": .int(overrides?.runAsUser ?? runAsUser),
            "runAsGroup": .int(overrides?.runAsGroup ?? runAsUser),
            "fsGroup": .int(overrides?.fsGroup ?? runAsUser),
            "seccompProfile": ["type": "RuntimeDefault"],
        ]
    }

    /// `resources` of a container.
    public static func resources(_ resources: Resources) -> YAMLValue {
        [
            "requests": amounts(resources.requests),
            "limits": amounts(resources.limits),
        ]
    }

    /// `resources` of a container from plain amounts.
    public static func resources(requests: ResourceAmounts, limits: ResourceAmounts) -> YAMLValue {
        ["requests": amounts(requests), "limits": amounts(limits)]
    }

    /// `{cpu, memory}` as Kubernetes quantities.
    public static func amounts(_ amounts: ResourceAmounts) -> YAMLValue {
        ["cpu": .string(amounts.cpu.description), "memory": .string(amounts.memory.description)]
    }

    /// An HTTP GET probe.
    public static func httpProbe(path: String, port: YAMLValue, initialDelay: TimeSpan, period: TimeSpan,
                                 failureThreshold: Int = 3) -> YAMLValue {
        probe(("httpGet", ["path": .string(path), "port": port]), initialDelay: initialDelay, period: period,
              failureThreshold: failureThreshold)
    }

    /// A probe with its handler (`httpGet`, `tcpSocket`, `grpc` or `exec`) and timing.
    public static func probe(_ handler: (key: String, value: YAMLValue), initialDelay: TimeSpan, period: TimeSpan,
                             failureThreshold: Int = 3) -> YAMLValue {
        .map(YAMLMap([
            handler,
            ("initialDelaySeconds", .int(Int(initialDelay.milliseconds / 1_000))),
            ("periodSeconds", .int(max(1, Int(period.milliseconds / 1_000)))),
            ("timeoutSeconds", 2),
            ("failureThreshold", .int(failureThreshold)),
        ]))
    }

    /// A TCP probe, for servers without an HTTP health endpoint (Redis).
    public static func tcpProbe(port: YAMLValue, initialDelay: Int = 5, period: Int = 10) -> YAMLValue {
        [
            "tcpSocket": ["port": port],
            "initialDelaySeconds": .int(initialDelay),
            "periodSeconds": .int(period),
            "timeoutSeconds": 2,
            "failureThreshold": 3,
        ]
    }
}
