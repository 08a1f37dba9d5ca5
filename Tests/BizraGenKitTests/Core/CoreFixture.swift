import BizraSpec
@testable import BizraGenKit

/// The reference platform (/work/shared/design/reference-spec.yaml), the parts manifests 01–05
/// read, built from the model's initialisers.
enum CoreFixture {
    static func duration(_ text: String) -> TimeSpan { try! TimeSpan(parsing: text) }
    static func size(_ text: String) -> ByteSize { try! ByteSize(parsing: text) }
    static func cpu(_ text: String) -> CPU { try! CPU(parsing: text) }
    static func percent(_ text: String) -> Percent { try! Percent(parsing: text) }
    static func rate(_ text: String) -> Rate { try! Rate(parsing: text) }
    static func amounts(_ cpu: String, _ memory: String) -> ResourceAmounts {
        ResourceAmounts(cpu: self.cpu(cpu), memory: size(memory))
    }

    static var node0: Service {
        Service(
            name: "bizra-node0", image: "ghcr.io/bizra/node:v2.2.0", priorityClass: "bizra-critical",
            ports: [Port(name: "http", port: 8080), Port(name: "metrics", port: 9464)], replicas: 3,
            resources: Resources(requests: amounts("500m", "512Mi"), limits: amounts("2", "2Gi")),
            probes: Probes(readiness: Probe(path: "/ready", port: "http", initialDelay: duration("5s"), period: duration("10s")),
                           liveness: Probe(path: "/health", port: "http", initialDelay: duration("15s"), period: duration("20s"))),
            capacity: Capacity(rpsPerReplica: 400),
            volumes: [Volume(name: "data", mountPath: "/data", size: size("10Gi"))],
            config: ["LOG_LEVEL": "info", "GROUND_TRUTH_PATH": "/data/ground_truth/bizra_facts.json"],
            secrets: ServiceSecrets(store: "aws-secrets-manager", refreshInterval: duration("1h"), keys: [
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
                engine: .keda, min: 3, max: 50, pollingInterval: duration("15s"), cooldown: duration("5m"),
                triggers: [
                    Trigger(name: "cpu", .cpu(target: percent("70%"))),
                    Trigger(name: "memory", .memory(target: percent("80%"))),
                    Trigger(name: "ihsan-score", .prometheus(query: "avg(ahsan_compliance_score{namespace=\"bizra-production\"})",
                                                             threshold: 95, activation: 90)),
                    Trigger(name: "request-rate", .prometheus(query: "sum(rate(http_requests_total{namespace=\"bizra-production\"}[1m]))",
                                                              threshold: 320, activation: nil)),
                    Trigger(name: "validation-queue", .redis(list: "bizra:validation-queue", length: 100, connection: "redis-cluster")),
                ],
                vpa: VPA(mode: .off, min: amounts("500m", "512Mi"), max: amounts("4", "8Gi"))))
    }

    static var spec: Spec {
        Spec(
            platform: Platform(
                name: "bizra", environment: "production", namespace: "bizra-production", domain: "api.bizra.ai",
                kubernetesVersion: "1.36", labels: ["app.kubernetes.io/part-of": "bizra"],
                quota: Quota(requests: amounts("64", "128Gi"), limits: amounts("160", "256Gi"), pods: 200),
                priorityClasses: [
                    PriorityClass(name: "bizra-critical", value: 1_000_000, description: "services the ihsan score depends on"),
                    PriorityClass(name: "bizra-high", value: 100_000, description: "core services"),
                    PriorityClass(name: "bizra-normal", value: 10_000, default: true),
                ]),
            sla: SLA(
                latency: SLA.Latency(p50: duration("50ms"), p95: duration("100ms"), p99: duration("200ms")),
                errorRate: percent("1%"),
                throughput: SLA.Throughput(peak: rate("10000rps"), sustained: rate("8000rps")),
                ihsanScore: SLA.IhsanScore(min: 95, duringChaos: 95, maxRegionalVariance: 10),
                cache: SLA.Cache(latency: duration("1ms"), hitRate: percent("80%")),
                database: SLA.Database(queryLatency: duration("50ms")), crossRegionLatency: duration("50ms"),
                replicationLag: SLA.ReplicationLag(database: duration("1s"), redis: duration("100ms")),
                recovery: SLA.Recovery(rto: duration("5m"), rpo: duration("15m")),
                autoscaling: SLA.Autoscaling(scaleOutTime: duration("2m"))),
            services: [node0],
            databases: [
                Database(name: "postgres", version: "16", instances: 3, storage: size("100Gi"),
                         resources: Resources(requests: amounts("1", "4Gi"), limits: amounts("2", "8Gi"))),
            ],
            observability: Observability(
                namespace: "observability",
                tracing: Observability.Tracing(
                    sampling: percent("10%"), jaeger: Observability.Jaeger(replicas: 2, otlp: .init(grpc: 4317, http: 4318)),
                    tempo: Observability.Store(replicas: 2, storage: size("20Gi"), retention: duration("7d"))),
                collector: Observability.Collector(replicas: 2, batchSize: 1024, memoryLimit: size("512Mi"),
                                                   exporters: ["jaeger", "prometheus", "logging"]),
                logs: Observability.Logs(
                    loki: Observability.Store(replicas: 2, storage: size("50Gi"), retention: duration("7d")),
                    promtail: Observability.Promtail(parseJson: true, extractLabels: ["ahsan_score", "level"])),
                dashboards: ["performance-overview", "ihsan-compliance", "multi-region"],
                alerts: [
                    Alert(name: "HighLatencyWithLowIhsan",
                          expr: "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.1\nand on() avg(ahsan_compliance_score) < 95\n",
                          for: duration("5m"), severity: .critical),
                ]),
            caching: Caching(
                redis: Redis(name: "redis-cluster", masters: 3, replicasPerMaster: 1, memoryPerNode: size("2Gi")),
                varnish: Varnish(name: "varnish", replicas: 3, memory: size("2Gi"),
                                 backend: Varnish.Backend(service: "bizra-node0", port: "http"), grace: duration("6h"),
                                 rules: [VarnishRule(name: "api", match: "^/api/", ttl: duration("5m"))],
                                 purge: .init(allowFrom: ["10.0.0.0/8"]))),
            chaos: Chaos(namespace: "chaos-testing", paused: true, schedule: try! Cron(parsing: "0 2 * * 0"),
                         target: "bizra-node0",
                         experiments: [ChaosExperiment(name: "pod-failure", .podFailure, duration: duration("2m"))]),
            regions: Regions(
                primary: "us-east-1",
                dns: Regions.DNS(provider: "route53", zone: "bizra.ai", ttl: duration("60s"),
                                 healthCheck: Regions.HealthCheck(path: "/health", interval: duration("30s"), failureThreshold: 3)),
                list: [Regions.Region(name: "us-east-1", weight: 70), Regions.Region(name: "eu-west-1", weight: 20),
                       Regions.Region(name: "ap-southeast-1", weight: 10, canary: true),
                       Regions.Region(name: "ap-northeast-1", weight: 0, standby: true)],
                replication: Regions.Replication(postgres: [
                    Regions.PostgresReplication(source: "postgres", replicas: ["eu-west-1", "ap-southeast-1", "ap-northeast-1"],
                                                lagAlert: duration("5s"))]),
                backup: Regions.Backup(schedule: try! Cron(parsing: "*/15 * * * *"), bucket: "s3://bizra-dr-backups",
                                       replicateTo: ["eu-west-1", "ap-southeast-1", "ap-northeast-1"],
                                       include: ["kubernetes-resources", "ground-truth-database"])))
    }

    static var context: PlanContext { PlanContext(spec: spec) }
}

/// Lookups into planned objects for the tests of manifests 01–05.
extension Array where Element == KubernetesObject {
    func coreObject(_ kind: String, _ name: String) -> KubernetesObject? {
        first { $0.kind == kind && $0.name == name }
    }
    func coreNames(of kind: String) -> [String] { filter { $0.kind == kind }.map(\.name).sorted() }
}

extension KubernetesObject {
    /// A field of the body by path, e.g. `coreField("spec", "replicas")`.
    func coreField(_ path: String...) -> YAMLValue? {
        var value: YAMLValue? = .map(body)
        for key in path { value = value?[key] }
        return value
    }
}
