import BizraSpec

/// OUT008: an object in a cluster where it does not belong.
public struct MisplacedObject: OutputRule {
    public static let identifier = "OUT008"
    public static let severity = Severity.error
    public static let summary = "an object in a cluster where it does not belong: a database replica outside its region, a DNS record owned by two clusters, a primary outside the primary region"
    public static let explanation = """
        Every region is its own cluster. A primary database outside the primary region's cluster \
        accepts writes that nothing replicates; a replica in the primary's cluster (or in a region \
        that is not one of its targets) follows nothing across regions; the DR backup belongs beside \
        the primary it dumps; and two ExternalDNS instances with one TXT owner id fight over the same \
        records, each deleting what the other writes.
        """
    public static let triggeringExamples = [
        OutputRuleExample("the primary database also placed in eu-west-1") { platform in
            let primary = platform.clusters.first { $0.name == "us-east-1" }?.objects.first {
                $0.object.kind == "Cluster" && $0.object.isIn(group: "postgresql.cnpg.io")
            }
            platform.editCluster("eu-west-1") { cluster in
                cluster.objects.removeAll { $0.object.kind == "Cluster" && $0.object.isIn(group: "postgresql.cnpg.io") }
                if let primary { cluster.objects.append(primary) }
            }
        },
        OutputRuleExample("eu-west-1's ExternalDNS given us-east-1's TXT owner id") { platform in
            platform.editCluster("eu-west-1") { cluster in
                cluster.edit({ $0.kind == "Deployment" && $0.name == "external-dns" }) { deployment in
                    deployment = MisplacedObject.replacingArguments(of: deployment) { argument in
                        argument.hasPrefix("--txt-owner-id=") ? argument.replacingOccurrences(of: "eu-west-1", with: "us-east-1") : argument
                    }
                }
            }
        },
    ]

    public init() {}

    public func check(_ platform: PlannedPlatform) -> [Finding] {
        let primary = platform.context.primaryCluster
        let replications = platform.spec.regions?.replication.postgres ?? []
        var findings: [Finding] = []
        var owners: [String: String] = [:]
        for cluster in platform.clusters {
            for planned in cluster.objects {
                let object = planned.object
                if object.kind == "Cluster", object.isIn(group: "postgresql.cnpg.io") {
                    let isReplica = object.value("spec.replica.enabled")?.boolValue == true
                    if !isReplica && cluster.name != primary {
                        findings.append(finding("a primary database outside the primary region (\(primary))", about: planned, in: cluster, platform: platform))
                    }
                    let targets = Set(replications.first { $0.source == object.name }?.replicas ?? [])
                    if isReplica && (cluster.name == primary || !targets.contains(cluster.name)) {
                        findings.append(finding("a replica outside the regions it replicates to (\(targets.sorted().joined(separator: ", ")))",
                                                about: planned, in: cluster, platform: platform))
                    }
                }
                if object.kind == "CronJob", object.labels["app.kubernetes.io/component"] == "dr-backup", cluster.name != primary {
                    findings.append(finding("the DR backup outside the primary region (\(primary))", about: planned, in: cluster, platform: platform))
                }
                if object.kind == "Deployment", object.name == ExternalDNS.name {
                    for owner in Self.arguments(of: object).filter({ $0.hasPrefix("--txt-owner-id=") }) {
                        if let other = owners[owner], other != cluster.name {
                            findings.append(finding("owns its DNS records with \(owner), as the ExternalDNS of cluster \(other) does",
                                                    about: planned, in: cluster, platform: platform))
                        } else {
                            owners[owner] = cluster.name
                        }
                    }
                }
            }
        }
        return findings
    }

    /// The arguments of a workload's first container.
    static func arguments(of object: KubernetesObject) -> [String] {
        (PlannedPod.podTemplate(of: object)?["spec"]?["containers"]?[0]?["args"]?.listValue ?? []).compactMap(\.stringValue)
    }

    /// `object` with its first container's arguments changed; for examples.
    static func replacingArguments(of object: KubernetesObject, _ change: (String) -> String) -> KubernetesObject {
        var object = object
        guard var spec = object.body["spec"]?.mapValue, var template = spec["template"]?.mapValue,
              var podSpec = template["spec"]?.mapValue, var containers = podSpec["containers"]?.listValue,
              var first = containers.first?.mapValue else { return object }
        first["args"] = .list(arguments(of: object).map { .string(change($0)) })
        containers[0] = .map(first)
        podSpec["containers"] = .list(containers)
        template["spec"] = .map(podSpec)
        spec["template"] = .map(template)
        object.body["spec"] = .map(spec)
        return object
    }
}
