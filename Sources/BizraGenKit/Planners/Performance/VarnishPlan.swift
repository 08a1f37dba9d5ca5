import BizraSpec

/// Varnish: a Deployment serving the rendered VCL from its ConfigMap (pods roll when it changes,
/// through `checksum/vcl`), with the exporter sidecar, behind a Service on port 80.
enum VarnishPlan {
    static let component = "http-cache"
    /// The `fresh` line of the official image (varnish/docker-varnish README: fresh, old and the 6.0 LTS
    /// are the supported lines; 7.5 is past its end of life).
    static let image = "varnish:9.0"
    /// The exporter reads Varnish' shared memory through varnishstat: the maintained otto-de fork publishes
    /// it built on the same Varnish release (otto-de/prometheus_varnish_exporter `build/Dockerfile`).
    static let exporterImage = "ghcr.io/otto-de/prometheus-varnish-exporter:1.8.3-varnish-9.0.0"
    static let httpPort = 8080
    /// The listener that alone accepts PURGE; no Service exposes it (pods reach it by pod address).
    static let purgePort = 8081
    /// How long an uncacheable response is remembered as hit-for-miss (varnish users-guide,
    /// increasing-your-hitrate: without it, requests for that object are coalesced and wait in turn).
    static let hitForMiss = BizraSpec.TimeSpan.seconds(120)
    static let exporterPort = 9131
    static let workDirectory = "/var/lib/varnish"
    /// The cache gets this share of the memory; the rest is per-object overhead, threads and the transient store.
    static let storageShare: (numerator: Int64, denominator: Int64) = (3, 4)

    static func vclConfigMap(_ varnish: Varnish) -> String { "\(varnish.name)-vcl" }

    /// `malloc` storage size in mebibytes, as varnishd's `-s malloc,<n>m` takes it.
    static func storage(_ varnish: Varnish) -> String {
        "\(varnish.memory.fraction(storageShare.numerator, storageShare.denominator).bytes >> 20)m"
    }

    /// The transient store's bound (a sixteenth of the memory): unbounded by default
    /// (varnish `storage-backends.rst`), it could take the pod past its memory limit.
    static func transientStorage(_ varnish: Varnish) -> String {
        "\(max(1, varnish.memory.fraction(1, 16).bytes >> 20))m"
    }

    static func objects(_ context: PlanContext, varnish: Varnish, vcl: String) -> [KubernetesObject] {
        let namespace = context.namespace
        let name = varnish.name
        let instance = "\(workDirectory)/varnishd"
        let memory = varnish.memory
        let cache = StackContainer(
            name: "varnish", image: image, command: ["varnishd"],
            args: ["-F", "-f", "/etc/varnish/default.vcl", "-a", "http=:\(httpPort),HTTP", "-a", "purge=:\(purgePort),HTTP",
                   "-n", instance, "-s", "malloc,\(storage(varnish))", "-s", "Transient=malloc,\(transientStorage(varnish))"],
            ports: [("http", httpPort), ("purge", purgePort)],
            resources: StackWorkload.resources(cpu: ("250m", "2"), memory: (memory, memory)),
            readiness: ContainerHardening.tcpProbe(port: "http", initialDelay: 5, period: 10),
            liveness: ContainerHardening.tcpProbe(port: "http", initialDelay: 15, period: 20),
            volumeMounts: [("vcl", "/etc/varnish", true), ("work", workDirectory, false), ("tmp", "/tmp", false)])
        let exporter = StackContainer(
            name: "varnish-exporter", image: exporterImage, command: ["prometheus_varnish_exporter"],
            args: ["-n", instance, "-web.listen-address", ":\(exporterPort)"],
            ports: [("metrics", exporterPort)],
            resources: StackWorkload.resources(cpu: ("50m", "200m"), memory: (.mebibytes(32), .mebibytes(128))),
            readiness: StackWorkload.httpProbe("/metrics", port: "metrics", initialDelay: 10, period: 15),
            liveness: StackWorkload.httpProbe("/metrics", port: "metrics", initialDelay: 20, period: 30),
            volumeMounts: [("work", workDirectory, true)])
        let template = StackWorkload.podTemplate(
            labels: StackWorkload.podLabels(context, component: component, name: name),
            annotations: ["checksum/vcl": SHA256.hex(vcl)],
            containers: [cache, exporter],
            volumes: [StackWorkload.configMapVolume("vcl", configMap: vclConfigMap(varnish)),
                      StackWorkload.emptyDir("work"), StackWorkload.emptyDir("tmp")])
        let deployment = KubernetesObject(
            apiVersion: "apps/v1", kind: "Deployment", name: name, namespace: namespace,
            labels: context.labels(component: component, name: name),
            annotations: CheckovSkip.annotations([.pinnedByTag]),
            body: ["spec": [
                "replicas": .int(varnish.replicas),
                "selector": ["matchLabels": .map(YAMLMap(sortedKeys: context.selector(name: name)))],
                "template": template,
            ]])
        return [
            StackWorkload.configMap(context, name: vclConfigMap(varnish), namespace: namespace, component: component,
                                    data: ["default.vcl": vcl]),
            deployment,
            StackWorkload.service(context, name: name, namespace: namespace, component: component,
                                  selector: context.selector(name: name),
                                  ports: [("http", 80, "http"), ("metrics", exporterPort, "metrics")]),
        ]
    }
}
