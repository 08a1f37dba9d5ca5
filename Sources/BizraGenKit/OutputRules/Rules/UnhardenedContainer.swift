import BizraRules
import BizraSpec

/// SEC003: a container emitted without its security context, resource limits or probes.
public struct UnhardenedContainer: OutputRule {
    public static let identifier = "SEC003"
    public static let severity = Severity.error
    public static let summary = "a spec that would emit a container without a security context, resource limits or probes (a generator bug guard: it must never fire on any spec)"
    public static let explanation = """
        Every container bizra-gen writes runs non-root with no privilege escalation and every capability \
        dropped, has CPU and memory limits, and, in a long-running workload, readiness and liveness \
        probes. This rule reads the planned pod templates and refuses one that lacks any of it, so that a \
        generator change cannot ship an unbounded or unhardened container. What a spec can get wrong \
        (zero resources, a probe path that is not absolute, a security override the restricted Pod \
        Security level refuses) is SEC004's.
        """
    public static let triggeringExamples = [
        OutputRuleExample("a service's container without its securityContext") { platform in
            let service = platform.spec.services.first?.name ?? ""
            platform.editCluster { $0.edit({ $0.kind == "Deployment" && $0.name == service }) { UnhardenedContainer.editContainers(&$0) { $0["securityContext"] = nil } } }
        },
        OutputRuleExample("a service's container without its liveness probe") { platform in
            let service = platform.spec.services.first?.name ?? ""
            platform.editCluster { $0.edit({ $0.kind == "Deployment" && $0.name == service }) { UnhardenedContainer.editContainers(&$0) { $0["livenessProbe"] = nil } } }
        },
    ]

    public init() {}

    /// The workloads that run until stopped, whose containers need probes.
    static let longRunning: Set<String> = ["Deployment", "StatefulSet", "DaemonSet"]

    public func check(_ platform: PlannedPlatform) -> [Finding] {
        platform.clusters.flatMap { cluster -> [Finding] in
            cluster.objects.flatMap { planned -> [Finding] in
                guard let spec = PlannedPod.podTemplate(of: planned.object)?["spec"] else { return [] }
                let podNonRoot = spec["securityContext"]?["runAsNonRoot"]?.boolValue == true
                let containers = spec["containers"]?.listValue ?? []
                return containers.compactMap { container -> Finding? in
                    let missing = Self.missing(in: container, podNonRoot: podNonRoot, probed: Self.longRunning.contains(planned.object.kind))
                    guard !missing.isEmpty else { return nil }
                    let name = container["name"]?.stringValue ?? "?"
                    return finding("container \(name) has no \(missing.joined(separator: ", "))", about: planned, in: cluster, platform: platform)
                }
            }
        }
    }

    /// What a container lacks of the hardening.
    static func missing(in container: YAMLValue, podNonRoot: Bool, probed: Bool) -> [String] {
        var missing: [String] = []
        let security = container["securityContext"]
        if security?["allowPrivilegeEscalation"]?.boolValue != false { missing.append("allowPrivilegeEscalation: false") }
        if !(security?["capabilities"]?["drop"]?.listValue ?? []).contains(where: { $0.stringValue == "ALL" }) {
            missing.append("capabilities.drop: [ALL]")
        }
        if !(podNonRoot || security?["runAsNonRoot"]?.boolValue == true) { missing.append("runAsNonRoot: true") }
        for resource in ["cpu", "memory"] where container["resources"]?["limits"]?[resource] == nil {
            missing.append("\(resource) limit")
        }
        if probed {
            for probe in ["readinessProbe", "livenessProbe"] where container[probe] == nil { missing.append(probe) }
        }
        return missing
    }

    /// Applies `edit` to every container of a workload's pod template (for the examples).
    static func editContainers(_ object: inout KubernetesObject, _ edit: (inout YAMLMap) -> Void) {
        guard var spec = object.body["spec"]?.mapValue, var template = spec["template"]?.mapValue,
              var podSpec = template["spec"]?.mapValue, let containers = podSpec["containers"]?.listValue else { return }
        podSpec["containers"] = .list(containers.map { container in
            var map = container.mapValue ?? [:]
            edit(&map)
            return .map(map)
        })
        template["spec"] = .map(podSpec)
        spec["template"] = .map(template)
        object.body["spec"] = .map(spec)
    }
}
