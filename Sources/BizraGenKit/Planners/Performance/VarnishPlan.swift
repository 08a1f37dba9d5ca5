import BizraSpec

/// Varnish: a Deployment serving the rendered VCL from its ConfigMap (pods roll when it changes,
/// through `checksum/vcl`), with the exporter sidecar, behind a Service on port 80.
enum VarnishPlan {
    static let component = "http-cache"
    static let image = "varnish:7.5"
    /// The exporter reads Varnish' shared memory, so it ships with varnishstat.
    static let exporterImage = "jonnenauha/prometheus_varnish_exporter:1.6.1"
    static let httpPort = 8080
    static let exporterPort = 9131
    static let workDirectory = "/var/lib/varnish"
    /// The cache gets this share of the memory; the rest is per-object overhead, threads and the transient store.
    static let storageShare: (numerator: Int64, denominator: Int64) = (3, 4)

    static func vclConfigMap(_ varnish: Varnish) -> String { "\(varnish.name)-vcl" }

    /// `malloc` storage size in mebibytes, as varnishd's `-s malloc,<n>m` takes it.
    static func storage(_ varnish: Varnish) -> String {
        "\(varnish.memory.fraction(storageShare.numerator, storageShare.denominator).bytes >> 20)m"
    }

    static func objects(_ context: PlanContext, varnish: Varnish, vcl: String) -> [KubernetesObject] {
        let namespace = context.namespace
        let name = varnish.name
        let instance = "\(workDirectory)/varnishd"
        let memory = varnish.memory
        let cache = StackContainer(
            name: "varnish", image: image, command: ["varnishd"],
            args: ["-F", "-f", "/etc/varnish/default.vcl", "-a", "http=:\(httpPort),HTTP", "-n", instance,
                   "-s", "malloc,\(storage(varnish))"],
            ports: [("http", httpPort)],
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
