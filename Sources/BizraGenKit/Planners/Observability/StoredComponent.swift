import BizraSpec

/// A storage-backed component of the observability stack (Loki, Tempo): its configuration file in a
/// ConfigMap, a StatefulSet with one volume per replica whose pods roll when the configuration
/// changes, a Service and a headless Service for the replicas to find each other.
struct StoredComponent {
    var name: String
    var component: String
    var image: String
    var args: [String]
    /// The configuration file's name, mounted under `/etc/<name>/`.
    var configFile: String
    var config: YAMLValue
    var dataPath: String
    /// Ports served to clients (and to the other replicas).
    var ports: [(name: String, port: Int)]
    /// Ports only the replicas use among themselves (gossip), on the headless Service.
    var peerPorts: [(name: String, port: Int)] = []
    var store: Observability.Store

    /// One replica: each replica's volume is its own filesystem store, and neither Loki ("Running
    /// Loki clustered is not possible with the filesystem store unless the filesystem is shared",
    /// grafana/loki `docs/sources/operations/storage/filesystem.md`) nor monolithic Tempo (which
    /// "doesn't scale horizontally") can answer from another replica's data; two replicas would
    /// each hold half the logs and traces. `store.replicas` takes effect once the format names an
    /// object store.
    static let replicas = 1

    func objects(_ context: PlanContext, namespace: String) -> [KubernetesObject] {
        let headless = "\(name)-headless"
        let configName = "\(name)-config"
        let configDirectory = "/etc/\(name)"
        let text = YAMLWriter.document(config)
        let container = StackContainer(
            name: name, image: image, args: args,
            ports: ports + peerPorts,
            resources: StackWorkload.resources(cpu: ("500m", "2"), memory: (.gibibytes(1), .gibibytes(4))),
            readiness: StackWorkload.httpProbe("/ready", port: "http", initialDelay: 15, period: 10),
            liveness: StackWorkload.httpProbe("/ready", port: "http", initialDelay: 60, period: 20),
            volumeMounts: [("config", configDirectory, true), ("data", dataPath, false), ("tmp", "/tmp", false)])
        let template = StackWorkload.podTemplate(
            labels: StackWorkload.podLabels(context, component: component, name: name),
            annotations: ["checksum/config": SHA256.hex(text)],
            containers: [container],
            volumes: [StackWorkload.configMapVolume("config", configMap: configName), StackWorkload.emptyDir("tmp")])
        let servicePorts = ports.map { (name: $0.name, port: $0.port, target: $0.name) }
        let peerServicePorts = peerPorts.map { (name: $0.name, port: $0.port, target: $0.name) }
        return [
            StackWorkload.configMap(context, name: configName, namespace: namespace, component: component,
                                    data: [configFile: text]),
            StackWorkload.statefulSet(context, name: name, namespace: namespace, component: component,
                                      serviceName: headless, replicas: Self.replicas, template: template,
                                      claims: [StackWorkload.claimTemplate("data", size: store.storage)]),
            StackWorkload.service(context, name: name, namespace: namespace, component: component,
                                  selector: context.selector(name: name), ports: servicePorts),
            StackWorkload.service(context, name: headless, namespace: namespace, component: component,
                                  selector: context.selector(name: name), ports: servicePorts + peerServicePorts,
                                  headless: true),
        ]
    }
}
