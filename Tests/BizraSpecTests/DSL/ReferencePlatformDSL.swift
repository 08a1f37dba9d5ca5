import BizraSpec

/// The reference platform written in the Swift DSL, value for value the same as specs/.
enum ReferencePlatformDSL {
    static func spec() throws -> Spec {
        try Spec {
            Platform(
                name: "bizra", environment: "production", namespace: "bizra-production", domain: "api.bizra.ai",
                kubernetesVersion: "1.36", labels: ["app.kubernetes.io/part-of": "bizra"],
                quota: Quota(requests: .init(cpu: "64", memory: "128Gi"), limits: .init(cpu: "160", memory: "256Gi"), pods: 200),
                priorityClasses: [
                    PriorityClass(name: "bizra-critical", value: 1_000_000, description: "services the ihsan score depends on"),
                    PriorityClass(name: "bizra-high", value: 100_000, description: "core services"),
                    PriorityClass(name: "bizra-normal", value: 10_000, default: true),
                ])
            SLA(
                latency: .init(p50: "50ms", p95: "100ms", p99: "200ms"),
                errorRate: "1%",
                throughput: .init(peak: "10000rps", sustained: "8000rps"),
                ihsanScore: .init(min: 95, duringChaos: 95, maxRegionalVariance: 10),
                cache: .init(latency: "1ms", hitRate: "80%"),
                database: .init(queryLatency: "50ms"),
                crossRegionLatency: "50ms",
                replicationLag: .init(database: "1s", redis: "100ms"),
                recovery: .init(rto: "5m", rpo: "15m"),
                autoscaling: .init(scaleOutTime: "2m"))
            node0
            Database(name: "postgres", version: "16", instances: 3, storage: "100Gi",
                     resources: Resources(requests: .init(cpu: "1", memory: "4Gi"), limits: .init(cpu: "2", memory: "8Gi")))
            observability
            caching
            chaos
            regions
            benchmarks
        }
    }

    static var node0: Service {
        Service(
            name: "bizra-node0", image: "ghcr.io/bizra/node:v2.2.0", priorityClass: "bizra-critical",
            ports: [Port(name: "http", port: 8080), Port(name: "metrics", port: 9464)],
            replicas: 3,
            resources: Resources(requests: .init(cpu: "500m", memory: "512Mi"), limits: .init(cpu: "2", memory: "2Gi")),
            probes: Probes(readiness: Probe(path: "/ready", port: "http", initialDelay: "5s", period: "10s"),
                           liveness: Probe(path: "/health", port: "http", initialDelay: "15s", period: "20s")),
            capacity: Capacity(rpsPerReplica: 400),
            volumes: [Volume(name: "data", mountPath: "/data", size: "10Gi")],
            config: ["LOG_LEVEL": "info", "GROUND_TRUTH_PATH": "/data/ground_truth/bizra_facts.json"],
            secrets: ServiceSecrets(store: "aws-secrets-manager", refreshInterval: "1h", keys: [
                "DATABASE_PASSWORD": "bizra/production/database-password",
                "JWT_SECRET": "bizra/production/jwt-secret",
                "REDIS_PASSWORD": "bizra/production/redis-password",
            ]),
            dependsOn: ["redis-cluster", "postgres"],
            metrics: [
                Metric(name: "http_request_duration_seconds", type: .histogram, labels: ["method", "route", "status"]),
                Metric(name: "http_requests_total", type: .counter, labels: ["method", "route", "status"]),
                Metric(name: "ahsan_compliance_score", type: .gauge),
                Metric(name: "ahsan_violations_total", type: .counter),
                Metric(name: "poi_validation_duration_seconds", type: .histogram),
            ],
            disruption: Disruption(minAvailable: 2),
            autoscaling: Autoscaling(
                engine: .keda, min: 3, max: 50, pollingInterval: "15s", cooldown: "5m",
                vpa: VPA(mode: .off, min: .init(cpu: "500m", memory: "512Mi"), max: .init(cpu: "4", memory: "8Gi"))) {
                Trigger(name: "cpu", .cpu(target: "70%"))
                Trigger(name: "memory", .memory(target: "80%"))
                Trigger(name: "ihsan-score", .prometheus(query: #"avg(ahsan_compliance_score{namespace="bizra-production"})"#,
                                                         threshold: 95, activation: nil, scaleOutWhen: .below))
                Trigger(name: "request-rate", .prometheus(query: #"sum(rate(http_requests_total{namespace="bizra-production"}[1m]))"#,
                                                          threshold: 320, activation: nil))
                Trigger(name: "validation-queue", .redis(list: "bizra:validation-queue", length: 100, connection: "redis-cluster"))
            })
    }

    static var observability: Observability {
        Observability(
            namespace: "observability",
            tracing: .init(sampling: "10%", jaeger: .init(replicas: 2, otlp: .init(grpc: 4317, http: 4318)),
                           tempo: .init(replicas: 2, storage: "20Gi", retention: "7d")),
            collector: .init(replicas: 2, batchSize: 1024, memoryLimit: "512Mi", exporters: ["jaeger", "prometheus", "logging"]),
            logs: .init(loki: .init(replicas: 2, storage: "50Gi", retention: "7d"),
                        promtail: .init(parseJson: true, extractLabels: ["ahsan_score", "level"])),
            dashboards: ["performance-overview", "ihsan-compliance", "multi-region"],
            alerts: [Alert(name: "HighLatencyWithLowIhsan", expr: """
                histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.1
                and on() avg(ahsan_compliance_score) < 95

                """, for: "5m", severity: .critical)])
    }

    static var caching: Caching {
        Caching(
            redis: Redis(name: "redis-cluster", masters: 3, replicasPerMaster: 1, memoryPerNode: "2Gi",
                         maxmemoryPolicy: "volatile-lru", exporter: true),
            varnish: Varnish(name: "varnish", replicas: 3, memory: "2Gi",
                             backend: .init(service: "bizra-node0", port: "http"), grace: "6h",
                             purge: .init(allowFrom: ["10.0.0.0/8"])) {
                VarnishRule(name: "static-api", match: "^/api/v1/static", ttl: "1h")
                VarnishRule(name: "assets", match: "^/static/", ttl: "1h")
                VarnishRule(name: "api", match: "^/api/", ttl: "5m")
            },
            cdn: CDN(provider: "cloudflare", rules: [.init(match: "/static/*", ttl: "1h"), .init(match: "/api/*", ttl: "5m")]))
    }

    static var chaos: Chaos {
        Chaos(namespace: "chaos-testing", paused: true, schedule: "0 2 * * 0", target: "bizra-node0",
              workflow: .init(name: "resilience-test", steps: ["network-latency", "pod-failure", "cpu-stress", "http-fault"],
                              verify: .init(ihsanScoreMin: 95))) {
            ChaosExperiment(name: "network-latency", .networkDelay(latency: "100ms", jitter: "10ms"), duration: "3m")
            ChaosExperiment(name: "pod-failure", .podFailure, mode: .one, duration: "2m")
            ChaosExperiment(name: "cpu-stress", .cpuStress(load: "80%", workers: 2), duration: "3m")
            ChaosExperiment(name: "memory-stress", .memoryStress(size: "512Mi"), duration: "3m")
            ChaosExperiment(name: "io-latency", .ioDelay(delay: "100ms", percent: "50%", volume: "data"), duration: "3m")
            ChaosExperiment(name: "http-fault", .httpAbort(port: "http", path: "/api/*"), duration: "2m")
        }
    }

    static var regions: Regions {
        Regions(
            primary: "us-east-1",
            dns: .init(provider: "route53", zone: "bizra.ai", ttl: "60s",
                       healthCheck: .init(path: "/health", interval: "30s", failureThreshold: 3)),
            accelerator: true,
            list: [.init(name: "us-east-1", weight: 70), .init(name: "eu-west-1", weight: 20),
                   .init(name: "ap-southeast-1", weight: 10, canary: true),
                   .init(name: "ap-northeast-1", weight: 0, standby: true)],
            replication: .init(
                postgres: [.init(source: "postgres", replicas: ["eu-west-1", "ap-southeast-1", "ap-northeast-1"], lagAlert: "5s")],
                redis: .init(source: "redis-cluster", secondaries: ["eu-west-1", "ap-southeast-1"], lagAlert: "150ms")),
            backup: .init(schedule: "*/15 * * * *", bucket: "s3://bizra-dr-backups",
                          replicateTo: ["eu-west-1", "ap-southeast-1", "ap-northeast-1"],
                          include: ["kubernetes-resources", "ground-truth-database"]),
            monitoring: .init(remoteWrite: "https://metrics.us-east-1.bizra.ai/api/v1/write"))
    }

    static var benchmarks: Benchmarks {
        Benchmarks(
            target: "https://api.bizra.ai", headers: ["X-Ihsan-Check": "required"], expectHeader: "X-Ihsan-Score",
            endpoints: [.init(name: "health", path: "/health"),
                        .init(name: "validate", path: "/api/v1/validate", method: "POST", body: #"{"claim":"benchmark"}"#)]) {
            Benchmarks.Scenario(name: "latency", .constantArrivalRate(rate: "1000rps", duration: "5m", preAllocatedVUs: 300, maxVUs: nil))
            Benchmarks.Scenario(name: "throughput", .constantArrivalRate(rate: "10000rps", duration: "5m", preAllocatedVUs: nil, maxVUs: nil))
            Benchmarks.Scenario(name: "concurrency", .rampingVUs(stages: [.init(to: 10, over: "1m"), .init(to: 50, over: "3m"),
                                                                         .init(to: 10, over: "1m")]))
            Benchmarks.Scenario(name: "stress", .rampingVUs(stages: [.init(to: 100, over: "2m"), .init(to: 200, over: "5m"),
                                                                    .init(to: 300, over: "5m"), .init(to: 400, over: "2m"),
                                                                    .init(to: 0, over: "2m")]))
        }
    }
}
