extension Decode {
    static func clusterConventions(_ r: inout MapReader) -> ClusterConventions? {
        var cluster = ClusterConventions()
        if let ingress = r.optional("ingress", object("platform.cluster.ingress") { i -> ClusterConventions.Ingress? in
            var ingress = ClusterConventions.Ingress(
                controller: i.optional("controller", default: .awsLoadBalancer, enumeration(ClusterConventions.IngressController.self)),
                className: i.optional("className", Decode.string), namespace: i.optional("namespace", Decode.string))
            ingress.source = i.source
            return ingress
        }) { cluster.ingress = ingress }
        cluster.certificates = r.optional("certificates", object("platform.cluster.certificates") { c -> ClusterConventions.Certificates? in
            let kind = c.optional("issuerKind", default: "ClusterIssuer", Decode.string)
            let solver = c.optional("solver", enumeration(ClusterConventions.Solver.self))
            guard let issuer = c.required("issuer", Decode.string) else { return nil }
            var certificates = ClusterConventions.Certificates(issuer: issuer, issuerKind: kind, solver: solver)
            certificates.source = c.source
            return certificates
        })
        if let prometheus = r.optional("prometheus", object("platform.cluster.prometheus") { p -> ClusterConventions.Prometheus? in
            let fallback = ClusterConventions.Prometheus.default
            let namespace = p.optional("namespace", default: fallback.namespace, Decode.string)
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
                cloudnativePG: o.optional("cloudnativePG", default: fallback.cloudnativePG, Decode.string),
                keda: o.optional("keda", default: fallback.keda, Decode.string))
            operators.source = o.source
            return operators
        }) { cluster.operators = operators }
        if let scheduling = r.optional("scheduling", object("platform.cluster.scheduling") { s -> ClusterConventions.Scheduling? in
            let fallback = ClusterConventions.Scheduling()
            let tolerations = s.optional("tolerations", default: [], items("toleration", named: false) { t -> ClusterConventions.Toleration? in
                var toleration = ClusterConventions.Toleration(
                    key: t.optional("key", Decode.string),
                    operator: t.optional("operator", default: .equal, Decode.word(ClusterConventions.Toleration.Operator.self)),
                    value: t.optional("value", Decode.string),
                    effect: t.optional("effect", Decode.word(ClusterConventions.Toleration.Effect.self)))
                toleration.source = t.source
                return toleration
            })
            let spread = s.optional("topologySpread", object("platform.cluster.scheduling.topologySpread") { t -> ClusterConventions.TopologySpread? in
                let fallback = fallback.topologySpread
                var spread = ClusterConventions.TopologySpread(
                    enabled: t.optional("enabled", default: fallback.enabled, Decode.bool),
                    topologyKey: t.optional("topologyKey", default: fallback.topologyKey, Decode.string),
                    whenUnsatisfiable: t.optional("whenUnsatisfiable", default: fallback.whenUnsatisfiable,
                                                    Decode.word(ClusterConventions.TopologySpread.WhenUnsatisfiable.self)))
                spread.source = t.source
                return spread
            })
            var scheduling = ClusterConventions.Scheduling(nodeSelector: s.optional("nodeSelector", default: [:], Decode.stringMap),
                                                           tolerations: tolerations, topologySpread: spread ?? fallback.topologySpread)
            scheduling.source = s.source
            return scheduling
        }) { cluster.scheduling = scheduling }
        cluster.source = r.source
        return cluster
    }
}
