import BizraRules
import BizraSpec

/// Redis Cluster: a StatefulSet of `masters × (1 + replicasPerMaster)` nodes, its headless and
/// client Services, `redis.conf`, the bootstrap Job forming the cluster, and the exporter sidecar.
enum RedisClusterPlan {
    static let component = "cache"
    static let image = "redis:8.10.1"
    static let exporterImage = "oliver006/redis_exporter:v1.88.0"
    static let clientPort = 6379
    static let busPort = 16379
    static let exporterPort = 9121
    /// The Secret and key holding the Redis password: the ExternalSecret of the first service that
    /// depends on this Redis and has a `REDIS_PASSWORD` key.
    static func passwordSecret(_ spec: Spec, redis: Redis) -> (name: String, key: String)? {
        let key = "REDIS_PASSWORD"
        guard let service = spec.services.first(where: { $0.dependsOn.contains(redis.name) && $0.secrets?.keys[key] != nil })
        else { return nil }
        return (ConfigSecretsPlanner.secretName(of: service), key)
    }

    /// Redis takes its password on the command line or from the environment, not from a file.
    static let secretAsEnvironment = CheckovSkip("CKV_K8S_35", "redis-server, redis_exporter and redis-cli read the password from the environment")

    static func headless(_ redis: Redis) -> String { "\(redis.name)-headless" }

    /// `host:port` of the client Service, as clients and KEDA address it.
    static func address(_ context: PlanContext, _ redis: Redis) -> String {
        "\(redis.name).\(context.namespace).svc.cluster.local:\(clientPort)"
    }

    static func maxmemory(_ redis: Redis) -> ByteSize {
        RedisMemoryBudget.maxmemory(redis)
    }

    /// `redis.conf`, written for Redis' own format.
    static func configuration(_ redis: Redis) -> String {
        [
            "port \(clientPort)",
            "cluster-enabled yes",
            "cluster-config-file /data/nodes.conf",
            "cluster-node-timeout 5000",
            "maxmemory \(maxmemory(redis).lowercaseDescription)",
            "maxmemory-policy \(redis.maxmemoryPolicy)",
            "appendonly yes",
            "dir /data",
            "protected-mode no",
        ].joined(separator: "\n") + "\n"
    }

    static func objects(_ context: PlanContext, redis: Redis) -> [KubernetesObject] {
        let namespace = context.namespace
        let configName = "\(redis.name)-config"
        let config = configuration(redis)
        let secret = passwordSecret(context.spec, redis: redis)
        let passwordEnv = secret.map { [StackWorkload.secretEnv("REDIS_PASSWORD", secret: $0.name, key: $0.key)] } ?? []
        var args = ["/etc/redis/redis.conf", "--cluster-announce-ip", "$(POD_IP)"]
        if secret != nil { args += ["--requirepass", "$(REDIS_PASSWORD)", "--masterauth", "$(REDIS_PASSWORD)"] }
        let memory = redis.memoryPerNode
        var containers = [StackContainer(
            name: "redis", image: image, command: ["redis-server"], args: args,
            ports: [("redis", clientPort), ("cluster-bus", busPort)],
            env: [StackWorkload.fieldEnv("POD_IP", path: "status.podIP")] + passwordEnv,
            resources: StackWorkload.resources(cpu: ("250m", "1"), memory: (memory, memory)),
            readiness: ContainerHardening.tcpProbe(port: "redis", initialDelay: 5, period: 10),
            liveness: ContainerHardening.tcpProbe(port: "redis", initialDelay: 15, period: 20),
            volumeMounts: [("config", "/etc/redis", true), ("data", "/data", false)])]
        if redis.exporter {
            var env = [StackWorkload.env("REDIS_ADDR", "redis://localhost:\(clientPort)")]
            if let secret { env.append(StackWorkload.secretEnv("REDIS_PASSWORD", secret: secret.name, key: secret.key)) }
            containers.append(StackContainer(
                name: "redis-exporter", image: exporterImage,
                ports: [("metrics", exporterPort)], env: env,
                resources: StackWorkload.resources(cpu: ("50m", "200m"), memory: (.mebibytes(64), .mebibytes(128))),
                readiness: StackWorkload.httpProbe("/health", port: "metrics", initialDelay: 5, period: 10),
                liveness: StackWorkload.httpProbe("/health", port: "metrics", initialDelay: 15, period: 20)))
        }
        let template = StackWorkload.podTemplate(
            labels: StackWorkload.podLabels(context, component: component, name: redis.name),
            annotations: ["checksum/config": SHA256.hex(config)],
            containers: containers,
            volumes: [StackWorkload.configMapVolume("config", configMap: configName)],
            spreadOverNodes: context.selector(name: redis.name))
        // Room for the dataset twice over: the append-only file and its rewrite.
        let storage = redis.memoryPerNode * 2
        var clientPorts: [(name: String, port: Int, target: String)] = [("redis", clientPort, "redis")]
        if redis.exporter { clientPorts.append(("metrics", exporterPort, "metrics")) }
        return [
            StackWorkload.configMap(context, name: configName, namespace: namespace, component: component,
                                    data: ["redis.conf": config]),
            StackWorkload.statefulSet(context, name: redis.name, namespace: namespace, component: component,
                                      serviceName: headless(redis), replicas: redis.nodes, template: template,
                                      claims: [StackWorkload.claimTemplate("data", size: storage)],
                                      skips: secret == nil ? [] : [secretAsEnvironment]),
            StackWorkload.service(context, name: headless(redis), namespace: namespace, component: component,
                                  selector: context.selector(name: redis.name),
                                  ports: [("redis", clientPort, "redis"), ("cluster-bus", busPort, "cluster-bus")],
                                  headless: true),
            StackWorkload.service(context, name: redis.name, namespace: namespace, component: component,
                                  selector: context.selector(name: redis.name), ports: clientPorts),
            // A drain takes one node at a time: its replica takes over before the next goes.
            KubernetesObject(apiVersion: "policy/v1", kind: "PodDisruptionBudget", name: redis.name, namespace: namespace,
                             labels: context.labels(component: component, name: redis.name),
                             body: ["spec": [
                                 "maxUnavailable": 1,
                                 "selector": ["matchLabels": .map(YAMLMap(sortedKeys: context.selector(name: redis.name)))],
                             ]]),
        ] + RedisBootstrap.objects(context, redis: redis, secret: secret)
    }
}
