/// The checks of single values on the model: names are DNS labels short enough for what is
/// derived from them (SPEC005), numbers are in range and texts in their value lists (SPEC002).
/// They run on the `Spec` value, whichever front end built it: the SPEC rules run them on the
/// whole spec, and the YAML loader on each part as soon as it is read, so a YAML spec is refused
/// where it is written, every mistake in one pass.
public enum SpecValues {
    /// Every finding of the value checks on `spec`, in the order of its sections.
    public static func findings(in spec: Spec) -> [Finding] {
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
        return findings
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
            check.oneOf(toleration.operator, ClusterConventions.Toleration.operators, at: toleration.source["operator"])
            check.oneOf(toleration.effect, ClusterConventions.Toleration.effects, at: toleration.source["effect"])
        }
        let spread = cluster.scheduling.topologySpread
        check.oneOf(spread.whenUnsatisfiable, ClusterConventions.TopologySpread.whenUnsatisfiableValues, at: spread.source["whenUnsatisfiable"])
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
