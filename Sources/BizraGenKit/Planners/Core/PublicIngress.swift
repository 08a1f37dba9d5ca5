import BizraSpec

/// The public Ingress of each cluster: the public routes (by default `platform.domain` to
/// Varnish or the first service), through an internet-facing Application Load Balancer of the
/// AWS Load Balancer Controller; one rule per host, its paths in the order written.
///
/// Where the platform spans regions, each cluster's Ingress is its region's weighted record:
/// ExternalDNS (`--source=ingress`, one per cluster) publishes the host as a Route 53 alias to the
/// load balancer named in the Ingress status, with the region as set identifier and its weight
/// (0 for a standby). The health check that takes a region out is the load balancer's own target
/// health check, configured from `regions.dns.healthCheck` (path, interval, failures) and read by
/// Route 53 through the alias's "evaluate target health" (ExternalDNS's default for AWS aliases,
/// `--aws-evaluate-target-health`); a region's `healthCheckId` attaches a Route 53 health check too.
/// TLS ends at the load balancer with the ACM certificate the controller discovers for the host.
///
/// With ingress-nginx (`platform.cluster.ingress.controller: nginx`), the Ingress has no ALB
/// annotations and TLS ends at the controller with the Secret of a cert-manager `Certificate`
/// for every host, from `platform.cluster.certificates.issuer`.
struct PublicIngress {
    /// The labels of ingress-nginx's controller pods (its Helm chart and static manifests).
    static let nginxControllerPods = ["app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/component": "controller"]
    /// The cert-manager API of the Certificate.
    static let certificateAPIVersion = "cert-manager.io/v1"
    /// The label that names the region an object belongs to.
    static let regionLabel = "topology.kubernetes.io/region"

    /// The weight a region gets: its own, or 0 when it stands by.
    static func weight(_ region: Regions.Region) -> Int { region.standby ? 0 : region.weight }

    let context: PlanContext
    let backends: [(route: Route, service: String, port: String)]

    /// One Ingress per cluster, with its Certificate under ingress-nginx.
    var objects: [KubernetesObject] {
        let certificate = certificate()
        guard let regions = context.spec.regions, context.isMultiCluster else { return [ingress(region: nil, regions: nil)] + (certificate.map { [$0] } ?? []) }
        return regions.list.map { ingress(region: $0, regions: regions).placed(in: $0.name) } + (certificate.map { [$0] } ?? [])
    }

    /// The hosts of the routes, in order.
    var hosts: [String] {
        var hosts: [String] = []
        for backend in backends where !hosts.contains(backend.route.host ?? context.platform.domain) {
            hosts.append(backend.route.host ?? context.platform.domain)
        }
        return hosts
    }

    /// The TLS Secret of the hosts under ingress-nginx.
    var tlsSecretName: String { "\(context.platform.name)-tls" }

    /// The cert-manager Certificate of every host (ingress-nginx only), in every cluster: each
    /// region's controller serves the same hosts. Where weighted DNS spreads the hosts over
    /// regions, the issuer must prove them with DNS-01 (an HTTP-01 challenge may reach another
    /// region's cluster); REG005 refuses http01 there.
    func certificate() -> KubernetesObject? {
        guard context.platform.cluster.ingress.controller == .nginx, let issuer = context.platform.cluster.certificates else { return nil }
        return KubernetesObject(apiVersion: Self.certificateAPIVersion, kind: "Certificate", name: tlsSecretName, namespace: context.namespace,
                                labels: context.labels(component: "ingress", name: tlsSecretName),
                                body: ["spec": [
                                    "secretName": .string(tlsSecretName),
                                    "dnsNames": .list(hosts.map(YAMLValue.string)),
                                    "issuerRef": ["name": .string(issuer.issuer), "kind": .string(issuer.issuerKind), "group": "cert-manager.io"],
                                ]])
    }

    private func ingress(region: Regions.Region?, regions: Regions?) -> KubernetesObject {
        let platform = context.platform
        let conventions = platform.cluster.ingress
        let hosts = hosts
        var paths: [String: [YAMLValue]] = [:]
        for backend in backends {
            paths[backend.route.host ?? platform.domain, default: []].append([
                "path": .string(backend.route.path),
                "pathType": "Prefix",
                "backend": ["service": ["name": .string(backend.service), "port": ["name": .string(backend.port)]]],
            ])
        }
        let alb = conventions.controller == .awsLoadBalancer
        var annotations = alb ? [
            "alb.ingress.kubernetes.io/scheme": "internet-facing",
            "alb.ingress.kubernetes.io/target-type": "ip",
            "alb.ingress.kubernetes.io/listen-ports": #"[{"HTTPS":443}]"#,
        ] : [:]
        var labels = context.labels(component: "ingress", name: platform.name)
        if let dns = regions?.dns, alb {
            let health = dns.healthCheck
            annotations["alb.ingress.kubernetes.io/healthcheck-path"] = health.path
            annotations["alb.ingress.kubernetes.io/healthcheck-interval-seconds"] = String(health.interval.milliseconds / 1_000)
            annotations["alb.ingress.kubernetes.io/unhealthy-threshold-count"] = String(health.failureThreshold)
        }
        if let dns = regions?.dns {
            annotations["external-dns.alpha.kubernetes.io/ttl"] = String(dns.ttl.milliseconds / 1_000)
        }
        if let region, let regions {
            labels[Self.regionLabel] = region.name
            annotations["external-dns.alpha.kubernetes.io/set-identifier"] = region.name
            if ExternalDNS.isRoute53(regions.dns.provider) {
                annotations["external-dns.alpha.kubernetes.io/aws-weight"] = String(Self.weight(region))
            }
        }
        return KubernetesObject(
            apiVersion: "networking.k8s.io/v1", kind: "Ingress", name: platform.name, namespace: context.namespace,
            labels: labels, annotations: annotations,
            body: ["spec": [
                "ingressClassName": .string(conventions.effectiveClassName),
                "tls": [.map(YAMLMap([("hosts", .list(hosts.map(YAMLValue.string)))] + (alb ? [] : [("secretName", .string(tlsSecretName))])))],
                "rules": .list(hosts.map { ["host": .string($0), "http": ["paths": .list(paths[$0] ?? [])]] }),
            ]]
        )
    }
}
