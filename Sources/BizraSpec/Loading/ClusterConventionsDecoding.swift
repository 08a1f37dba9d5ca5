extension Decode {
    static func clusterConventions(_ r: inout MapReader) -> ClusterConventions? {
        var cluster = ClusterConventions()
        if let ingress = r.optional("ingress", object("platform.cluster.ingress") { i -> ClusterConventions.Ingress? in
            var ingress = ClusterConventions.Ingress(
                controller: i.optional("controller", default: .awsLoadBalancer, enumeration(ClusterConventions.IngressController.self)),
                className: i.optional("className", Decode.name(maxLength: 63)), namespace: i.optional("namespace", Decode.name(maxLength: 63)))
            ingress.source = i.source
            return ingress
        }) { cluster.ingress = ingress }
        cluster.certificates = r.optional("certificates", object("platform.cluster.certificates") { c -> ClusterConventions.Certificates? in
            let kind = c.optional("issuerKind", default: "ClusterIssuer", oneOf(["ClusterIssuer", "Issuer"]))
            let solver = c.optional("solver", enumeration(ClusterConventions.Solver.self))
            guard let issuer = c.required("issuer", Decode.name(maxLength: 63)) else { return nil }
            var certificates = ClusterConventions.Certificates(issuer: issuer, issuerKind: kind, solver: solver)
            certificates.source = c.source
            return certificates
        })
        if let prometheus = r.optional("prometheus", object("platform.cluster.prometheus") { p -> ClusterConventions.Prometheus? in
            let fallback = ClusterConventions.Prometheus.default
            let namespace = p.optional("namespace", default: fallback.namespace, Decode.name(maxLength: 63))
            var prometheus = ClusterConventions.Prometheus(
                namespace: namespace,
                podLabels: p.optional("podLabels", default: fallback.podLabels, Decode.stringMap),
                url: p.optional("url", default: "http://prometheus-operated.\(namespace).svc:9090", Decode.string))
            prometheus.source = p.source
            return prometheus
        }) { cluster.prometheus = prometheus }
        if let operators = r.optional("operators", object("platform.cluster.operators") { o -> ClusterConventions.Operators? in
            let fallback = ClusterConventions.Operators()
            var operators = ClusterConventions.Operators(
                cloudnativePG: o.optional("cloudnativePG", default: fallback.cloudnativePG, Decode.name(maxLength: 63)),
                keda: o.optional("keda", default: fallback.keda, Decode.name(maxLength: 63)))
            operators.source = o.source
            return operators
        }) { cluster.operators = operators }
        if let scheduling = r.optional("scheduling", object("platform.cluster.scheduling") { s -> ClusterConventions.Scheduling? in
            let fallback = ClusterConventions.Scheduling()
            let tolerations = s.optional("tolerations", default: [], items("toleration", named: false) { t -> ClusterConventions.Toleration? in
                var toleration = ClusterConventions.Toleration(
                    key: t.optional("key", Decode.string),
                    operator: t.optional("operator", default: "Equal", oneOf(ClusterConventions.Toleration.operators)),
                    value: t.optional("value", Decode.string),
                    effect: t.optional("effect", oneOf(ClusterConventions.Toleration.effects)))
                toleration.source = t.source
                return toleration
            })
            var spreadKey = fallback.spreadTopologyKey
            var when = fallback.spreadWhenUnsatisfiable
            _ = s.optional("topologySpread", object("platform.cluster.scheduling.topologySpread") { t -> Bool? in
                spreadKey = t.optional("topologyKey", default: fallback.spreadTopologyKey ?? "", Decode.string)
                when = t.optional("whenUnsatisfiable", default: when, oneOf(ClusterConventions.Scheduling.whenUnsatisfiableValues))
                if t.optional("enabled", default: true, Decode.bool) == false { spreadKey = nil }
                return true
            })
            var scheduling = ClusterConventions.Scheduling(nodeSelector: s.optional("nodeSelector", default: [:], Decode.stringMap),
                                                           tolerations: tolerations, spreadTopologyKey: spreadKey,
                                                           spreadWhenUnsatisfiable: when)
            scheduling.source = s.source
            return scheduling
        }) { cluster.scheduling = scheduling }
        cluster.source = r.source
        return cluster
    }
}
