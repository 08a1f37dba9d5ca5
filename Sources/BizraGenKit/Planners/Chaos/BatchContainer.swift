import BizraSpec

/// Containers of the generator's own one-shot jobs (chaos verification, DR backup): hardened,
/// small fixed resources, and exec probes that hold while the job's process runs.
enum BatchContainer {
    /// What a script container asks for; the jobs only wait on the network.
    static let resources = Resources(
        requests: ResourceAmounts(cpu: CPU(millicores: 50), memory: .mebibytes(64)),
        limits: ResourceAmounts(cpu: CPU(millicores: 500), memory: .mebibytes(256))
    )

    /// An exec probe that succeeds while the container's main process is alive.
    static var processProbe: YAMLValue {
        [
            "exec": ["command": ["/bin/sh", "-c", "kill -0 1"]],
            "initialDelaySeconds": 5,
            "periodSeconds": 10,
            "timeoutSeconds": 2,
            "failureThreshold": 3,
        ]
    }

    /// A hardened container that runs `script` with `shell` (`/bin/sh` or `/bin/bash`).
    static func script(name: String, image: String, shell: String, script: String,
                       env: [YAMLValue] = [], volumeMounts: [YAMLValue] = [],
                       resources: Resources = BatchContainer.resources) -> YAMLValue {
        var container: YAMLMap = [
            "name": .string(name),
            "image": .string(image),
            "imagePullPolicy": "Always",
            "command": [.string(shell), "-c", .string(script)],
        ]
        if !env.isEmpty { container["env"] = .list(env) }
        container["resources"] = ContainerHardening.resources(resources)
        container["readinessProbe"] = processProbe
        container["livenessProbe"] = processProbe
        container["securityContext"] = ContainerHardening.containerSecurityContext
        if !volumeMounts.isEmpty { container["volumeMounts"] = .list(volumeMounts) }
        return .map(container)
    }

    /// `{name, value}`.
    static func env(_ name: String, _ value: String) -> YAMLValue {
        ["name": .string(name), "value": .string(value)]
    }

    /// `{name, valueFrom: {secretKeyRef}}`: a secret by reference only.
    static func secretEnv(_ name: String, secret: String, key: String, optional: Bool = false) -> YAMLValue {
        var ref: YAMLMap = ["name": .string(secret), "key": .string(key)]
        if optional { ref["optional"] = true }
        return ["name": .string(name), "valueFrom": ["secretKeyRef": .map(ref)]]
    }
}
