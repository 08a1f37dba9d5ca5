import BizraSpec

/// Weighted DNS for each region: an Ingress `<platform>-<region>` for `platform.domain` carrying
/// ExternalDNS's set identifier, weight and TTL and the load balancer's health check, and a
/// DNSEndpoint with the same weight and the spec's health-check settings. Standby regions weigh 0.
struct RegionalRouting {
    static let regionLabel = "topology.kubernetes.io/region"

    let objects: [KubernetesObject]

    /// The weight a region gets: its own, or 0 when it stands by.
    static func weight(_ region: Regions.Region) -> Int { region.standby ? 0 : region.weight }

    /// The host of a region's own endpoint, which the weighted record points at.
    static func regionalHost(_ region: Regions.Region, domain: String) -> String { "\(region.name).\(domain)" }

    init(regions: Regions, context: PlanContext) {
        let platform = context.platform
        let dns = regions.dns
        let health = dns.healthCheck
        let route53 = ExternalDNS.isRoute53(dns.provider)
        let ttlSeconds = String(dns.ttl.milliseconds / 1_000)
        let backend = ServicesIngressPlanner.entryPoint(context.spec) ?? (service: platform.name, port: "http")
        let host = YAMLValue.string(platform.domain)
        var objects: [KubernetesObject] = []
        for region in regions.list {
            let name = "\(platform.name)-\(region.name)"
            let weight = String(Self.weight(region))
            var labels = context.labels(component: "multi-region", name: name)
            labels[Self.regionLabel] = region.name
            var annotations = [
                "external-dns.alpha.kubernetes.io/set-identifier": region.name,
                "external-dns.alpha.kubernetes.io/ttl": ttlSeconds,
                "alb.ingress.kubernetes.io/healthcheck-path": health.path,
                "alb.ingress.kubernetes.io/healthcheck-interval-seconds": String(health.interval.milliseconds / 1_000),
                "alb.ingress.kubernetes.io/unhealthy-threshold-count": String(health.failureThreshold),
            ]
            if route53 { annotations["external-dns.alpha.kubernetes.io/aws-weight"] = weight }
            objects.append(KubernetesObject(
                apiVersion: "networking.k8s.io/v1", kind: "Ingress", name: name, namespace: context.namespace,
                labels: labels, annotations: annotations,
                body: ["spec": [
                    "ingressClassName": .string(ServicesIngressPlanner.ingressClassName),
                    "tls": [["hosts": [host], "secretName": .string(ServicesIngressPlanner.tlsSecretName(context))]],
                    "rules": [[
                    "host": host,
                    "http": ["paths": [[
                        "path": "/",
                        "pathType": "Prefix",
                        "backend": ["service": ["name": .string(backend.service), "port": ["name": .string(backend.port)]]],
                    ]]],
                ]],
                ]]
            ))
            var providerSpecific: [YAMLValue] = []
            if route53 { providerSpecific.append(Self.property("aws/weight", weight)) }
            providerSpecific += [
                Self.property("health-check/path", health.path),
                Self.property("health-check/interval-seconds", String(health.interval.milliseconds / 1_000)),
                Self.property("health-check/failure-threshold", String(health.failureThreshold)),
            ]
            objects.append(KubernetesObject(
                apiVersion: "externaldns.k8s.io/v1alpha1", kind: "DNSEndpoint", name: name, namespace: context.namespace,
                labels: labels,
                body: ["spec": ["endpoints": [[
                    "dnsName": .string(platform.domain),
                    "recordType": "CNAME",
                    "recordTTL": .int(Int(dns.ttl.milliseconds / 1_000)),
                    "setIdentifier": .string(region.name),
                    "targets": [.string(Self.regionalHost(region, domain: platform.domain))],
                    "providerSpecific": .list(providerSpecific),
                ]]]]
            ))
        }
        self.objects = objects
    }

    static func property(_ name: String, _ value: String) -> YAMLValue {
        ["name": .string(name), "value": .string(value)]
    }
}
