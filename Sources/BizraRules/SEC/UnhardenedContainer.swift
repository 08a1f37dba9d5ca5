import BizraSpec

/// SEC003.
public struct UnhardenedContainer: Rule {
    public static let identifier = "SEC003"
    public static let severity = Severity.error
    public static let summary = "a spec that would emit a container without a security context, resource limits or probes (a generator bug guard: it must never fire on any spec)"
    public static let explanation = """
        Every container bizra-gen emits runs non-root with a read-only root filesystem, has requests and limits, \
        and readiness and liveness probes. The generator adds the security context to every container itself; \
        what it takes from the spec is checked here: every service states non-zero CPU and memory requests and \
        limits and HTTP probes on an absolute path, so nothing is emitted unbounded or unprobed.
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, resources: { requests: { cpu: \"0\" }, limits: { cpu: \"0\" } } }\n"),
        .overlay("services:\n  - { name: bizra-node0, probes: { readiness: { path: \"\" } } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("services:\n  - { name: bizra-node0, probes: { readiness: { path: /ready } } }\n")]
    public init() {}

    public func check(_ spec: Spec) -> [Finding] {
        var findings: [Finding] = []
        for service in spec.services {
            let resources = service.resources
            for (kind, amounts) in [("requests", resources.requests), ("limits", resources.limits)] {
                if amounts.cpu.millicores <= 0 {
                    findings.append(finding("\(service.name) would run without a cpu \(kind == "limits" ? "limit" : "request"); state a non-zero \(kind).cpu",
                                            at: amounts.source["cpu"]))
                }
                if amounts.memory.bytes <= 0 {
                    findings.append(finding("\(service.name) would run without a memory \(kind == "limits" ? "limit" : "request"); state a non-zero \(kind).memory",
                                            at: amounts.source["memory"]))
                }
            }
            for (kind, probe) in [("readiness", service.probes.readiness), ("liveness", service.probes.liveness)] where !probe.path.hasPrefix("/") {
                findings.append(finding("\(service.name) would have no working \(kind) probe: path \"\(probe.path)\" is not an absolute path; use one such as /health",
                                        at: probe.source["path"]))
            }
        }
        return findings
    }
}
