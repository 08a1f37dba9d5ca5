import BizraSpec

/// OUT006: a pod that needs a cloud identity with none declared.
public struct MissingCloudIdentity: OutputRule {
    public static let identifier = "OUT006"
    public static let severity = Severity.error
    public static let summary = "a pod that needs a cloud identity (DNS provider, secret store, object storage) with none declared"
    public static let explanation = """
        ExternalDNS calls Route 53, the DR backup S3, and External Secrets Secrets Manager: each needs \
        AWS credentials, and bizra-gen never writes keys. With `platform.aws.accountId` every such \
        pod's ServiceAccount carries its IRSA role (`eks.amazonaws.com/role-arn` in that account) and a \
        SecretStore authenticates with a ServiceAccount that has one; without it the pods rely on EKS \
        Pod Identity associations, and a SecretStore cannot use IRSA's `jwt` auth at all.
        """
    public static let triggeringExamples = [
        OutputRuleExample("ExternalDNS's ServiceAccount without its role, in a platform with an AWS account") { platform in
            platform.spec.platform.aws = .init(accountId: "123456789012")
            platform.editCluster { $0.edit({ $0.kind == "ServiceAccount" && $0.name == ExternalDNS.name }) {
                $0.annotations["eks.amazonaws.com/role-arn"] = nil
            } }
        },
    ]

    public init() {}

    static let roleAnnotation = "eks.amazonaws.com/role-arn"

    /// Whether `arn` is an IAM role of `account`.
    static func isRole(_ arn: String?, in account: String) -> Bool { arn?.hasPrefix("arn:aws:iam::\(account):role/") == true }

    /// Whether a pod calls an AWS API.
    static func needsAWS(_ pod: PlannedPod) -> Bool {
        let containers = (pod.spec?["containers"]?.listValue ?? []) + (pod.spec?["initContainers"]?.listValue ?? [])
        return containers.contains { container in
            let image = container["image"]?.stringValue ?? ""
            let args = (container["args"]?.listValue ?? []).compactMap(\.stringValue)
            return image.hasPrefix("amazon/aws-cli") || args.contains("--provider=aws")
        }
    }

    public func check(_ platform: PlannedPlatform) -> [Finding] {
        let account = platform.spec.platform.aws?.accountId
        return platform.clusters.flatMap { cluster -> [Finding] in
            var findings: [Finding] = []
            let index = platform.index(cluster)
            func role(of account: String?, namespace: String) -> String? {
                account.flatMap { index.object("ServiceAccount", $0, namespace: namespace)?.object.annotations[Self.roleAnnotation] }
            }
            if let account {
                for pod in index.pods where Self.needsAWS(pod) {
                    let arn = role(of: pod.serviceAccount, namespace: pod.namespace)
                    if !Self.isRole(arn, in: account),
                       let owner = index.owner(of: pod) {
                        findings.append(finding("calls AWS APIs, but its ServiceAccount \(pod.serviceAccount ?? "default") has no IRSA role in account \(account)",
                                                about: owner, in: cluster, platform: platform))
                    }
                }
            }
            // CloudNativePG's instances archive to object storage as their Cluster's ServiceAccount.
            for planned in index.objects("Cluster") where planned.object.isIn(group: "postgresql.cnpg.io")
                && planned.object.value("spec.backup.barmanObjectStore") != nil {
                let arn = planned.object.value("spec.serviceAccountTemplate.metadata.annotations")?[Self.roleAnnotation]?.stringValue
                if let account, !Self.isRole(arn, in: account) {
                    findings.append(finding("archives to S3, but its serviceAccountTemplate has no IRSA role in account \(account)",
                                            about: planned, in: cluster, platform: platform))
                }
            }
            for planned in cluster.objects where planned.object.kind == "SecretStore" || planned.object.kind == "ClusterSecretStore" {
                guard let jwt = planned.object.value("spec.provider.aws.auth.jwt") else { continue }
                let account = jwt["serviceAccountRef"]?["name"]?.stringValue
                let namespace = jwt["serviceAccountRef"]?["namespace"]?.stringValue ?? planned.object.namespace ?? ""
                if role(of: account, namespace: namespace) == nil {
                    findings.append(finding("authenticates as ServiceAccount \(account ?? "?"), which carries no IRSA role",
                                            about: planned, in: cluster, platform: platform))
                }
            }
            return findings
        }
    }
}
