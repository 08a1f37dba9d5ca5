extension Decode {
    static func store(_ what: String) -> (SpecNode, DecodeContext) -> Observability.Store? {
        object(what) { s in
            guard let (replicas, storage, retention) = all(s.required("replicas", Decode.int),
                                                           s.required("storage", Decode.unit) as ByteSize?,
                                                           s.required("retention", Decode.unit) as TimeSpan?)
            else { return nil }
            var store = Observability.Store(replicas: replicas, storage: storage, retention: retention)
            store.source = s.source
            return store
        }
    }

    static var observability: (SpecNode, DecodeContext) -> Observability? { checked(object("observability") { r in
        let namespace = r.required("namespace", Decode.string)
        let tracing = r.optional("tracing", object("observability.tracing") { t -> Observability.Tracing? in
            let sampling: Percent? = t.required("sampling", Decode.unit)
            let jaeger = t.required("jaeger", object("tracing.jaeger") { j -> Observability.Jaeger? in
                let replicas = j.required("replicas", Decode.int)
                let otlp = j.optional("otlp", object("jaeger.otlp") { o -> Observability.Jaeger.OTLP? in
                    var otlp = Observability.Jaeger.OTLP(grpc: o.optional("grpc", default: 4317, Decode.int),
                                                         http: o.optional("http", default: 4318, Decode.int))
                    otlp.source = o.source
                    return otlp
                })
                guard let replicas else { return nil }
                var jaeger = Observability.Jaeger(replicas: replicas, otlp: otlp ?? .init())
                jaeger.source = j.source
                return jaeger
            })
            let tempo = t.required("tempo", store("tracing.tempo"))
            guard let (sampling, jaeger, tempo) = all(sampling, jaeger, tempo) else { return nil }
            var tracing = Observability.Tracing(sampling: sampling, jaeger: jaeger, tempo: tempo)
            tracing.source = t.source
            return tracing
        })
        let collector = r.optional("collector", object("observability.collector") { c -> Observability.Collector? in
            guard let (replicas, batch, memory, exporters) = all(
                c.required("replicas", Decode.int), c.required("batchSize", Decode.int),
                c.required("memoryLimit", Decode.unit) as ByteSize?,
                c.required("exporters", list(Decode.word(Observability.Collector.Exporter.self)))) else { return nil }
            c.recordItemLocations("exporters")
            var collector = Observability.Collector(replicas: replicas, batchSize: batch, memoryLimit: memory, exporters: exporters)
            collector.source = c.source
            return collector
        })
        let logs = r.optional("logs", object("observability.logs") { l -> Observability.Logs? in
            let loki = l.required("loki", store("logs.loki"))
            let promtail = l.required("promtail", object("logs.promtail") { p -> Observability.Promtail? in
                var promtail = Observability.Promtail(parseJson: p.optional("parseJson", default: true, Decode.bool),
                                                      extractLabels: p.optional("extractLabels", default: [], list(Decode.string)))
                promtail.source = p.source
                return promtail
            })
            guard let (loki, promtail) = all(loki, promtail) else { return nil }
            var logs = Observability.Logs(loki: loki, promtail: promtail)
            logs.source = l.source
            return logs
        })
        let dashboards = r.optional("dashboards", default: [], list(Decode.string))
        r.recordItemLocations("dashboards")
        let alerts = r.optional("alerts", default: [], items("alert") { a -> Alert? in
            guard let (name, expr, duration, severity) = all(
                a.required("name", Decode.string), a.required("expr", Decode.string),
                a.optional("for", default: TimeSpan.minutes(5), Decode.unit),
                a.optional("severity", default: .warning, enumeration(Alert.Severity.self))) else { return nil }
            var alert = Alert(name: name, expr: expr, for: duration, severity: severity)
            alert.source = a.source
            return alert
        })
        let monitorLabels = r.optional("monitorLabels", default: [:], Decode.stringMap)
        guard let namespace else { return nil }
        var observability = Observability(namespace: namespace, tracing: tracing, collector: collector, logs: logs,
                                          dashboards: dashboards, alerts: alerts)
        observability.monitorLabels = monitorLabels
        observability.source = r.source
        return observability
    }, SpecValues.observability) }
}
