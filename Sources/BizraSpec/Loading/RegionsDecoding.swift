extension Decode {
    static var regions: (SpecNode, DecodeContext) -> Regions? { checked(object("regions") { r in
        let primary = r.required("primary", Decode.string)
        let dns = r.required("dns", object("regions.dns") { d -> Regions.DNS? in
            let healthCheck = d.required("healthCheck", object("dns.healthCheck") { h -> Regions.HealthCheck? in
                guard let (path, interval, threshold) = all(h.required("path", Decode.string),
                                                            h.required("interval", Decode.unit) as TimeSpan?,
                                                            h.required("failureThreshold", Decode.int))
                else { return nil }
                var check = Regions.HealthCheck(path: path, interval: interval, failureThreshold: threshold)
                check.source = h.source
                return check
            })
            guard let (provider, zone, ttl, healthCheck) = all(d.required("provider", Decode.string),
                                                               d.required("zone", Decode.string),
                                                               d.required("ttl", Decode.unit) as TimeSpan?, healthCheck)
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
        let replication = r.optional("replication", object("regions.replication") { p -> Regions.Replication? in
            let postgres = object("replication.postgres") { d -> Regions.PostgresReplication? in
                let host = d.optional("primaryHost", Decode.string)
                guard let (source, replicas, lag) = all(d.required("source", Decode.string), d.required("replicas", Decode.list(Decode.string)),
                                                        d.required("lagAlert", Decode.unit) as TimeSpan?) else { return nil }
                var replication = Regions.PostgresReplication(source: source, replicas: replicas, lagAlert: lag, primaryHost: host)
                replication.sourceMap = d.source
                return replication
            }
            let databases: [Regions.PostgresReplication] = p.optional("postgres", default: []) { node, context in
                // One replicated database as a mapping, several as a list of them.
                if case .sequence = node { return Decode.list(postgres)(node, context) }
                return postgres(node, context).map { [$0] }
            }
            let redis = p.optional("redis", object("replication.redis") { d -> Regions.RedisReplication? in
                guard let (source, secondaries, lag) = all(d.required("source", Decode.string), d.required("secondaries", Decode.list(Decode.string)),
                                                           d.required("lagAlert", Decode.unit) as TimeSpan?) else { return nil }
                var replication = Regions.RedisReplication(source: source, secondaries: secondaries, lagAlert: lag)
                replication.sourceMap = d.source
                return replication
            })
            var replication = Regions.Replication(postgres: databases, redis: redis)
            replication.source = p.source
            return replication
        })
        let backup = r.optional("backup", object("regions.backup") { b -> Regions.Backup? in
            let required = all(b.required("schedule", Decode.unit) as Cron?, b.required("bucket", Decode.string))
            let replicateTo = b.optional("replicateTo", default: [], Decode.list(Decode.string))
            let include = b.optional("include", default: [.kubernetesResources], Decode.list(Decode.word(BackupInclude.self)))
            guard let (schedule, bucket) = required else { return nil }
            var backup = Regions.Backup(schedule: schedule, bucket: bucket, replicateTo: replicateTo, include: include)
            backup.source = b.source
            return backup
        })
        let monitoring = r.optional("monitoring", object("regions.monitoring") { m -> Regions.Monitoring? in
            var monitoring = Regions.Monitoring(remoteWrite: m.optional("remoteWrite", Decode.string))
            monitoring.source = m.source
            return monitoring
        })
        guard let (primary, dns, list) = all(primary, dns, list) else { return nil }
        var regions = Regions(primary: primary, dns: dns, accelerator: accelerator, list: list,
                              replication: replication ?? .init(), backup: backup, monitoring: monitoring ?? .init())
        regions.source = r.source
        return regions
    }, SpecValues.regions) }
}
