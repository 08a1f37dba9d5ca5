/// The checks of single values on the model: names are DNS labels short enough for what is
/// derived from them (SPEC005), numbers are in range and texts in their value lists (SPEC002).
/// They run on the `Spec` value, whichever front end built it: the SPEC rules run them on the
/// whole spec, and the YAML loader on each part as soon as it is read, so a YAML spec is refused
/// where it is written, every mistake in one pass.
public enum SpecValues {
    /// Every finding of the value checks on `spec`, in the order of its sections.
    public static func findings(in spec: Spec) -> [Finding] {
        guard spec.version == Spec.supportedVersion else {
            return [Finding(rule: "SPEC006", message: "spec version \(spec.version) is not supported; this bizra-gen reads version \(Spec.supportedVersion)",
                            at: spec.source["version"])]
        }
        var findings = platform(spec.platform) + sla(spec.sla)
        findings += spec.services.flatMap(service)
        findings += spec.databases.flatMap(database)
        findings += spec.external.flatMap(external)
        findings += spec.routes.flatMap(route)
        findings += spec.observability.map(observability) ?? []
        findings += spec.caching.map(caching) ?? []
        findings += spec.chaos.map(chaos) ?? []
        findings += spec.regions.map(regions) ?? []
        findings += spec.benchmarks.map(benchmarks) ?? []
        findings += spec.suppressions.flatMap { suppression($0) + scope(of: $0, in: spec) }
        return findings + acrossSections(spec)
    }

    /// What one section needs of another.
    static func acrossSections(_ spec: Spec) -> [Finding] {
        var check = ValueFindings()
        if let replication = spec.regions?.replication.postgres.first(where: { !$0.replicas.isEmpty }),
           !spec.services.contains(where: { $0.secrets != nil }) {
            // The replicas' clusters and the primary's trust one CA, which every cluster reads from the store.
            check.missing("replication.postgres cannot be wired without a secret store: its clusters share a CA read from "
                              + "'<platform>/<environment>/\(replication.source)-ca' in the store; give a service 'secrets: { store: ... }'",
                          at: replication.sourceMap["source"])
        }
        return check.findings
    }

    /// A suppression names a rule and says why.
    static func suppression(_ suppression: Suppression) -> [Finding] {
        var check = ValueFindings()
        if !isRuleIdentifier(suppression.rule) {
            check.problem("'\(suppression.rule)' is not a rule identifier such as CACHE004 (`bizra-gen rules` lists them)",
                          at: suppression.source["rule"])
        }
        if suppression.reason.allSatisfy(\.isWhitespace) {
            check.problem("a suppression needs its reason: say why the warning is accepted", at: suppression.source["reason"])
        }
        return check.findings
    }

    /// The `at` of a suppression written in Swift names a part of the spec (YAML's is resolved
    /// in the file, at load).
    static func scope(of suppression: Suppression, in spec: Spec) -> [Finding] {
        guard let at = suppression.at, suppression.regions.isEmpty, case .failure(let problem) = spec.locations(at: at) else { return [] }
        var check = ValueFindings()
        check.problem("'at: \(at)' names no part of the spec: \(problem.message)", at: suppression.source["at"])
        return check.findings
    }

    /// Letters then three digits: `CACHE004`.
    static func isRuleIdentifier(_ text: String) -> Bool {
        let letters = text.prefix { ("A"..."Z").contains($0) }
        let digits = text.dropFirst(letters.count)
        return !letters.isEmpty && digits.count == 3 && digits.allSatisfy { ("0"..."9").contains($0) }
    }

    static func platform(_ platform: Platform) -> [Finding] {
        var check = ValueFindings()
        check.name(platform.name, at: platform.source["name"])
        check.name(platform.environment, at: platform.source["environment"])
        check.name(platform.namespace, at: platform.source["namespace"], maxLength: 63)
        check.count(platform.quota?.pods, at: platform.quota?.source["pods"])
        for priority in platform.priorityClasses {
            check.name(priority.name, at: priority.source["name"], maxLength: 63)
            check.wholeNumber(priority.value, at: priority.source["value"])
        }
        check.append(cluster(platform.cluster))
        return check.findings
    }

    static func cluster(_ cluster: ClusterConventions) -> ValueFindings {
        var check = ValueFindings()
        check.name(cluster.ingress.className, at: cluster.ingress.source["className"], maxLength: 63)
        check.name(cluster.ingress.namespace, at: cluster.ingress.source["namespace"], maxLength: 63)
        if let certificates = cluster.certificates {
            check.name(certificates.issuer, at: certificates.source["issuer"], maxLength: 63)
            check.oneOf(certificates.issuerKind, ClusterConventions.Certificates.issuerKinds, at: certificates.source["issuerKind"])
        }
        check.name(cluster.prometheus.namespace, at: cluster.prometheus.source["namespace"], maxLength: 63)
        check.name(cluster.operators.cloudnativePG, at: cluster.operators.source["cloudnativePG"], maxLength: 63)
        check.name(cluster.operators.keda, at: cluster.operators.source["keda"], maxLength: 63)
        for toleration in cluster.scheduling.tolerations {
            check.known(toleration.operator, at: toleration.source["operator"])
            check.known(toleration.effect, at: toleration.source["effect"])
        }
        let spread = cluster.scheduling.topologySpread
        check.known(spread.whenUnsatisfiable, at: spread.source["whenUnsatisfiable"])
        return check
    }

    static func sla(_ sla: SLA) -> [Finding] {
        var check = ValueFindings()
        check.percent(sla.errorRate, at: sla.source["errorRate"])
        check.percent(sla.cache?.hitRate, at: sla.cache?.source["hitRate"])
        return check.findings
    }
}

extension ClusterConventions.Certificates {
    /// The kinds of cert-manager issuer a certificate can name.
    public static let issuerKinds = ["ClusterIssuer", "Issuer"]
}
