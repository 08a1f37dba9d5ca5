import BizraSpec

/// SEC004.
public struct UnboundedService: Rule {
    public static let identifier = "SEC004"
    public static let severity = Severity.error
    public static let summary = "a service that would run unbounded, unprobed or outside the restricted Pod Security level: a zero cpu or memory request or limit, a probe path that is not absolute, an exec probe with no command, runAsUser 0, or an added capability other than NET_BIND_SERVICE"
    public static let explanation = """
        Every service runs with requests and limits, probes that can succeed, and the hardened security \
        context; `securityContext:` may change what an image needs (its user, a writable root \
        filesystem, NET_BIND_SERVICE) but not what the namespace's restricted Pod Security level \
        refuses: its admission would reject every pod of the Deployment, and the rollout would hang \
        with no pod to show why (kubernetes/website, pod-security-standards.md).
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, resources: { requests: { cpu: \"0\" }, limits: { cpu: \"0\" } } }\n"),
        .overlay("services:\n  - { name: bizra-node0, probes: { readiness: { path: \"ready\" } } }\n"),
        .overlay("services:\n  - { name: bizra-node0, probes: { startup: { exec: [] } } }\n"),
        .overlay("services:\n  - { name: bizra-node0, securityContext: { runAsUser: 0 } }\n"),
        .overlay("services:\n  - { name: bizra-node0, securityContext: { capabilities: { add: [NET_ADMIN] } } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, probes: { readiness: { path: /ready } } }\n"),
        .overlay("services:\n  - { name: bizra-node0, securityContext: { runAsUser: 101, readOnlyRootFilesystem: false, capabilities: { add: [NET_BIND_SERVICE] } } }\n"),
    ]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        var findings: [Finding] = []
        for service in spec.services {
            let resources = service.resources
            for (kind, amounts) in [("requests", resources.requests), ("limits", resources.limits)] {
                let noun = kind == "limits" ? "limit" : "request"
                if amounts.cpu.millicores <= 0 {
                    findings.append(finding("\(service.name) would run without a cpu \(noun); state a non-zero \(kind).cpu", at: amounts.source["cpu"]))
                }
                if amounts.memory.bytes <= 0 {
                    findings.append(finding("\(service.name) would run without a memory \(noun); state a non-zero \(kind).memory", at: amounts.source["memory"]))
                }
            }
            for (role, probe) in service.probes.all {
                switch probe.check {
                case let .http(path, _) where !path.hasPrefix("/"):
                    findings.append(finding("\(service.name)'s \(role) probe can never succeed: path \"\(path)\" is not an absolute path; use one such as /\(path)",
                                            at: probe.source["path"]))
                case let .exec(command) where command.isEmpty:
                    findings.append(finding("\(service.name)'s \(role) probe runs no command; give exec the command and its arguments", at: probe.source["exec"]))
                default:
                    break
                }
            }
            guard let overrides = service.securityContext else { continue }
            if overrides.runAsUser == 0 {
                findings.append(finding("\(service.name) would run as root, which the namespace's restricted Pod Security level refuses; run the image as a non-zero user",
                                        at: overrides.source["runAsUser"]))
            }
            for capability in overrides.capabilities?.add ?? [] where !SecurityOverrides.admittedCapabilities.contains(capability) {
                findings.append(finding("\(service.name) adds the capability \(capability), which the restricted Pod Security level refuses; it admits \(SecurityOverrides.admittedCapabilities.joined(separator: ", ")) alone",
                                        at: overrides.capabilities?.source["add"]))
            }
        }
        return findings
    }
}
