import BizraSpec

/// OUT001: two objects with one identity in a cluster, or two routes for one host and path.
public struct DuplicateObject: OutputRule {
    public static let identifier = "OUT001"
    public static let severity = Severity.error
    public static let summary = "two objects with one identity in a cluster, or two routes for one host and path"
    public static let explanation = """
        An identity (API group, kind, namespace, name) names one object in a cluster: a second one \
        with it silently replaces the first on apply, in whichever order the files are read. Two \
        Ingress rules for one host and path make the controller pick one, or merge them into one \
        load balancer that routes half the traffic to the wrong backend.
        """
    public static let triggeringExamples = [
        OutputRuleExample("a second ConfigMap with the name of the first in us-east-1") { platform in
            platform.editCluster("us-east-1") { cluster in
                if let first = cluster.objects("ConfigMap").first { cluster.objects.append(first) }
            }
        },
        OutputRuleExample("a second Ingress claiming the public host and path in us-east-1") { platform in
            platform.editCluster("us-east-1") { cluster in
                if let ingress = cluster.objects("Ingress").first {
                    var copy = ingress.object
                    copy.name += "-copy"
                    cluster.objects.append(PlannedObject(file: ingress.file, object: copy))
                }
            }
        },
    ]

    public init() {}

    public func check(_ platform: PlannedPlatform) -> [Finding] {
        platform.clusters.flatMap { cluster -> [Finding] in
            var findings: [Finding] = []
            var seen: [String: PlannedObject] = [:]
            var routes: [String: PlannedObject] = [:]
            for planned in cluster.objects {
                let identity = "\(planned.object.group)/\(planned.object.kind)/\(planned.object.namespace ?? "")/\(planned.object.name)"
                if let first = seen[identity] {
                    findings.append(finding("declared twice (also in \(first.file))", about: planned, in: cluster, platform: platform))
                } else {
                    seen[identity] = planned
                }
                guard planned.object.kind == "Ingress" else { continue }
                let object = planned.object
                for rule in object.value("spec.rules")?.listValue ?? [] {
                    let host = rule["host"]?.stringValue ?? "*"
                    for path in rule["http"]?["paths"]?.listValue ?? [] {
                        let route = "\(host)\(path["path"]?.stringValue ?? "/")"
                        if let first = routes[route], first.object.name != object.name {
                            findings.append(finding("routes \(route), which Ingress \(first.object.reference) already routes",
                                                    about: planned, in: cluster, platform: platform))
                        } else {
                            routes[route] = planned
                        }
                    }
                }
            }
            return findings
        }
    }
}
