extension SpecValues {
    static func database(_ database: Database) -> [Finding] {
        var check = ValueFindings()
        check.name(database.name, at: database.source["name"])
        check.count(database.instances, at: database.source["instances"])
        return check.findings
    }

    static func external(_ endpoint: ExternalEndpoint) -> [Finding] {
        var check = ValueFindings()
        check.name(endpoint.name, at: endpoint.source["name"])
        check.hostName(endpoint.host, at: endpoint.source["host"])
        check.cidrs(endpoint.cidrs, key: "cidrs", in: endpoint.source)
        check.port(endpoint.port, at: endpoint.source["port"])
        if endpoint.host == nil, endpoint.cidrs.isEmpty {
            check.missing(endpoint.source.exactly("cidrs") == nil
                              ? "external endpoint '\(endpoint.name)' needs 'host' or 'cidrs': where its traffic may go"
                              : "external endpoint '\(endpoint.name)' has no 'cidrs' and no 'host': where its traffic may go",
                          at: endpoint.source.node)
        }
        return check.findings
    }

    static func route(_ route: Route) -> [Finding] {
        var check = ValueFindings()
        check.hostName(route.host, at: route.source["host"])
        check.pathPrefix(route.path, at: route.source["path"])
        check.percent(route.share, at: route.source["share"])
        return check.findings
    }

    static func observability(_ observability: Observability) -> [Finding] {
        var check = ValueFindings()
        check.name(observability.namespace, at: observability.source["namespace"], maxLength: 63)
        if let tracing = observability.tracing {
            check.percent(tracing.sampling, at: tracing.source["sampling"])
            let jaeger = tracing.jaeger
            check.count(jaeger.replicas, at: jaeger.source["replicas"])
            check.port(jaeger.otlp.grpc, at: jaeger.otlp.source["grpc"])
            check.port(jaeger.otlp.http, at: jaeger.otlp.source["http"])
            check.count(tracing.tempo.replicas, at: tracing.tempo.source["replicas"])
        }
        if let collector = observability.collector {
            check.count(collector.replicas, at: collector.source["replicas"])
            check.count(collector.batchSize, at: collector.source["batchSize"])
            check.eachKnown(collector.exporters, key: "exporters", in: collector.source)
        }
        if let loki = observability.logs?.loki { check.count(loki.replicas, at: loki.source["replicas"]) }
        check.names(observability.dashboards, key: "dashboards", in: observability.source)
        return check.findings
    }

    static func caching(_ caching: Caching) -> [Finding] {
        var check = ValueFindings()
        if let redis = caching.redis {
            check.name(redis.name, at: redis.source["name"])
            check.count(redis.masters, at: redis.source["masters"])
            check.count(redis.replicasPerMaster, at: redis.source["replicasPerMaster"])
            check.known(redis.maxmemoryPolicy, at: redis.source["maxmemoryPolicy"])
        }
        if let varnish = caching.varnish {
            check.name(varnish.name, at: varnish.source["name"])
            check.count(varnish.replicas, at: varnish.source["replicas"])
            for rule in varnish.rules { check.name(rule.name, at: rule.source["name"]) }
        }
        return check.findings
    }

    static func chaos(_ chaos: Chaos) -> [Finding] {
        var check = ValueFindings()
        check.name(chaos.namespace, at: chaos.source["namespace"], maxLength: 63)
        for experiment in chaos.experiments {
            check.name(experiment.name, at: experiment.source["name"])
            switch experiment.kind {
            case .cpuStress(let load, let workers):
                check.percent(load, at: experiment.source["load"])
                check.count(workers, at: experiment.source["workers"])
            case .ioDelay(_, let percent, _): check.percent(percent, at: experiment.source["percent"])
            default: break
            }
        }
        check.name(chaos.workflow?.name, at: chaos.workflow?.source["name"])
        return check.findings
    }

    static func regions(_ regions: Regions) -> [Finding] {
        var check = ValueFindings()
        check.count(regions.dns.healthCheck.failureThreshold, at: regions.dns.healthCheck.source["failureThreshold"])
        for region in regions.list {
            check.name(region.name, at: region.source["name"], maxLength: 30)
            check.count(region.weight, at: region.source["weight"])
        }
        return check.findings
    }

    static func benchmarks(_ benchmarks: Benchmarks) -> [Finding] {
        var check = ValueFindings()
        for endpoint in benchmarks.endpoints { check.name(endpoint.name, at: endpoint.source["name"]) }
        for scenario in benchmarks.scenarios {
            check.name(scenario.name, at: scenario.source["name"])
            switch scenario.kind {
            case .constantArrivalRate(_, _, let preAllocated, let maxVUs):
                check.count(preAllocated, at: scenario.source["preAllocatedVUs"])
                check.count(maxVUs, at: scenario.source["maxVUs"])
            case .constantVUs(let vus, _): check.count(vus, at: scenario.source["vus"])
            case .rampingVUs(let stages):
                for stage in stages { check.wholeNumber(stage.target, at: stage.source["to"]) }
            }
        }
        return check.findings
    }
}
