extension Decode {
    static var caching: (SpecNode, DecodeContext) -> Caching? { checked(object("caching") { r in
        let redis = r.optional("redis", object("caching.redis") { c -> Redis? in
            let required = all(c.required("name", Decode.string), c.required("masters", Decode.int),
                               c.required("replicasPerMaster", Decode.int),
                               c.required("memoryPerNode", Decode.unit) as ByteSize?)
            let policy = c.optional("maxmemoryPolicy", default: .allkeysLRU, Decode.word(Redis.EvictionPolicy.self))
            let exporter = c.optional("exporter", default: true, Decode.bool)
            guard let (name, masters, replicas, memory) = required else { return nil }
            var redis = Redis(name: name, masters: masters, replicasPerMaster: replicas, memoryPerNode: memory,
                              maxmemoryPolicy: policy, exporter: exporter)
            redis.source = c.source
            return redis
        })
        let varnish = r.optional("varnish", object("caching.varnish") { v -> Varnish? in
            let name = v.required("name", Decode.string)
            let replicas = v.required("replicas", Decode.int)
            let memory: ByteSize? = v.required("memory", Decode.unit)
            let backend = v.required("backend", object("varnish.backend") { b -> Varnish.Backend? in
                guard let (service, port) = all(b.required("service", Decode.string), b.required("port", Decode.string))
                else { return nil }
                var backend = Varnish.Backend(service: service, port: port)
                backend.source = b.source
                return backend
            })
            let grace = v.optional("grace", default: TimeSpan.hours(6), Decode.unit)
            let rules = v.optional("rules", default: [], items("varnish rule") { c -> VarnishRule? in
                guard let (name, match, ttl) = all(c.required("name", Decode.string), c.required("match", Decode.string),
                                                   c.required("ttl", Decode.unit) as TimeSpan?) else { return nil }
                var rule = VarnishRule(name: name, match: match, ttl: ttl)
                rule.source = c.source
                return rule
            })
            let purge = v.optional("purge", object("varnish.purge") { p -> Varnish.Purge? in
                guard let allowFrom = p.required("allowFrom", list(Decode.string)) else { return nil }
                var purge = Varnish.Purge(allowFrom: allowFrom)
                purge.source = p.source
                return purge
            })
            guard let (name, replicas, memory, backend) = all(name, replicas, memory, backend) else { return nil }
            var varnish = Varnish(name: name, replicas: replicas, memory: memory, backend: backend, grace: grace,
                                  rules: rules, purge: purge)
            varnish.source = v.source
            return varnish
        })
        let cdn = r.optional("cdn", object("caching.cdn") { c -> CDN? in
            let provider = c.required("provider", Decode.string)
            let rules = c.optional("rules", default: [], items("cdn rule", named: false) { x -> CDN.Rule? in
                guard let (match, ttl) = all(x.required("match", Decode.string), x.required("ttl", Decode.unit) as TimeSpan?)
                else { return nil }
                var rule = CDN.Rule(match: match, ttl: ttl)
                rule.source = x.source
                return rule
            })
            guard let provider else { return nil }
            var cdn = CDN(provider: provider, rules: rules)
            cdn.source = c.source
            return cdn
        })
        var caching = Caching(redis: redis, varnish: varnish, cdn: cdn)
        caching.source = r.source
        return caching
    }, SpecValues.caching) }
}
