extension Decode {
    static var regions: (SpecNode, DecodeContext) -> Regions? { checked(object("regions") { r in
        let primary = r.required("primary", Decode.string)
        let dns = r.required("dns", object("regions.dns") { d -> Regions.DNS? in
            let healthCheck = d.required("healthCheck", object("dns.healthCheck") { h -> Regions.HealthCheck? in
                guard let (path, interval, threshold) = all(h.required("path", Decode.string),
                                                            h.required("interval", Decode.unit) as Duration?,
                                                            h.required("failureThreshold", Decode.int))
                else { return nil }
                var check = Regions.HealthCheck(path: path, interval: interval, failureThreshold: threshold)
                check.source = h.source
                return check
            })
            guard let (provider, zone, ttl, healthCheck) = all(d.required("provider", Decode.string),
                                                               d.required("zone", Decode.string),
                                                               d.required("ttl", Decode.unit) as Duration?, healthCheck)
            else { return nil }
            var dns = Regions.DNS(provider: provider, zone: zone, ttl: ttl, healthCheck: healthCheck)
            dns.source = d.source
            return dns
        })
        let accelerator = r.optional("accelerator", default: false, Decode.bool)
        let list = r.required("list", items("region") { g -> Regions.Region? in
            let required = all(g.required("name", Decode.string), g.required("weight", Decode.int))
            let canary = g.optional("canary", default: false, Decode.bool)
            let standby = g.optional("standby", default: false, Decode.bool)
            let context = g.optional("context", Decode.string)
            guard let (name, weight) = required else { return nil }
            var region = Regions.Region(name: name, weight: weight, canary: canary, standby: standby, context: context)
            region.source = g.source
            return region
        })
        var databaseReplications: [Regions.Replication] = []
        var redisReplication: Regions.Replication?
        _ = r.optional("replication", object("regions.replication") { p -> Bool? in
            let postgres = replication("replication.postgres", targets: "replicas", primaryHost: true)
            databaseReplications = p.optional("postgres", default: []) { node, context in
                // One replicated database as a mapping, several as a list of them.
                if case .sequence = node { return Decode.list(postgres)(node, context) }
                return postgres(node, context).map { [$0] }
            }
            redisReplication = p.optional("redis", replication("replication.redis", targets: "secondaries"))
            return true
        })
        let backup = r.optional("backup", object("regions.backup") { b -> Regions.Backup? in
            let required = all(b.required("schedule", Decode.unit) as Cron?, b.required("bucket", Decode.string))
            let replicateTo = b.optional("replicateTo", default: [], Decode.list(Decode.string))
            let include = b.optional("include", default: ["kubernetes-resources"], Decode.list(Decode.string))
            guard let (schedule, bucket) = required else { return nil }
            var backup = Regions.Backup(schedule: schedule, bucket: bucket, replicateTo: replicateTo, include: include)
            backup.source = b.source
            return backup
        })
        var remoteWrite: String?
        _ = r.optional("monitoring", object("regions.monitoring") { m -> Bool? in
            remoteWrite = m.optional("remoteWrite", Decode.string)
            return true
        })
        guard let (primary, dns, list) = all(primary, dns, list) else { return nil }
        var regions = Regions(primary: primary, dns: dns, accelerator: accelerator, list: list,
                              redisReplication: redisReplication, backup: backup)
        regions.databaseReplications = databaseReplications
        regions.metricsRemoteWrite = remoteWrite
        regions.source = r.source
        return regions
    }, SpecValues.regions) }

    static func replication(_ what: String, targets key: String, primaryHost: Bool = false)
        -> (SpecNode, DecodeContext) -> Regions.Replication? {
        object(what) { p in
            let host = primaryHost ? p.optional("primaryHost", Decode.string) : nil
            guard let (source, targets, lag) = all(p.required("source", Decode.string), p.required(key, list(Decode.string)),
                                                   p.required("lagAlert", Decode.unit) as Duration?) else { return nil }
            var replication = Regions.Replication(source: source, targets: targets, lagAlert: lag, primaryHost: host)
            replication.sourceMap = p.source
            return replication
        }
    }
}
