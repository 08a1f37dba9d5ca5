extension Decode {
    static var sla: (SpecNode, DecodeContext) -> SLA? { checked(object("sla") { r -> SLA? in
        let latency = r.required("latency", object("sla.latency") { l -> SLA.Latency? in
            guard let (p50, p95, p99) = all(l.required("p50", Decode.unit) as TimeSpan?,
                                            l.required("p95", Decode.unit) as TimeSpan?,
                                            l.required("p99", Decode.unit) as TimeSpan?) else { return nil }
            var value = SLA.Latency(p50: p50, p95: p95, p99: p99)
            value.source = l.source
            return value
        })
        let errorRate: Percent? = r.required("errorRate", Decode.unit)
        let throughput = r.required("throughput", object("sla.throughput") { t -> SLA.Throughput? in
            guard let (peak, sustained) = all(t.required("peak", Decode.unit) as Rate?,
                                              t.required("sustained", Decode.unit) as Rate?) else { return nil }
            var value = SLA.Throughput(peak: peak, sustained: sustained)
            value.source = t.source
            return value
        })
        let ihsan = r.optional("ihsanScore", object("sla.ihsanScore") { i -> SLA.IhsanScore? in
            let min = i.required("min", Decode.double)
            let duringChaos = i.optional("duringChaos", Decode.double)
            let variance = i.optional("maxRegionalVariance", default: 10, Decode.double)
            let metric = i.optional("metric", default: SLA.IhsanScore.defaultMetric, Decode.string)
            guard let min else { return nil }
            var value = SLA.IhsanScore(min: min, duringChaos: duringChaos ?? min, maxRegionalVariance: variance, metric: metric)
            value.source = i.source
            return value
        })
        let cache = r.optional("cache", object("sla.cache") { c -> SLA.Cache? in
            guard let (latency, hitRate) = all(c.required("latency", Decode.unit) as TimeSpan?,
                                               c.required("hitRate", Decode.unit) as Percent?) else { return nil }
            var value = SLA.Cache(latency: latency, hitRate: hitRate)
            value.source = c.source
            return value
        })
        let database = r.optional("database", object("sla.database") { d -> SLA.Database? in
            guard let latency: TimeSpan = d.required("queryLatency", Decode.unit) else { return nil }
            var value = SLA.Database(queryLatency: latency)
            value.source = d.source
            return value
        })
        let crossRegion: TimeSpan? = r.optional("crossRegionLatency", Decode.unit)
        let lag = r.optional("replicationLag", object("sla.replicationLag") { l -> SLA.ReplicationLag? in
            var value = SLA.ReplicationLag(database: l.optional("database", Decode.unit), redis: l.optional("redis", Decode.unit))
            value.source = l.source
            return value
        })
        let recovery = r.optional("recovery", object("sla.recovery") { v -> SLA.Recovery? in
            guard let (rto, rpo) = all(v.required("rto", Decode.unit) as TimeSpan?,
                                       v.required("rpo", Decode.unit) as TimeSpan?) else { return nil }
            var value = SLA.Recovery(rto: rto, rpo: rpo)
            value.source = v.source
            return value
        })
        let autoscaling = r.optional("autoscaling", object("sla.autoscaling") { a -> SLA.Autoscaling? in
            guard let time: TimeSpan = a.required("scaleOutTime", Decode.unit) else { return nil }
            var value = SLA.Autoscaling(scaleOutTime: time)
            value.source = a.source
            return value
        })
        guard let (latency, errorRate, throughput) = all(latency, errorRate, throughput) else { return nil }
        var sla = SLA(latency: latency, errorRate: errorRate, throughput: throughput, ihsanScore: ihsan,
                      cache: cache, database: database, crossRegionLatency: crossRegion,
                      replicationLag: lag, recovery: recovery, autoscaling: autoscaling)
        sla.source = r.source
        return sla
    }, SpecValues.sla) }
}
