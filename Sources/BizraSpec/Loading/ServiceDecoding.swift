extension Decode {
    static var services: (SpecNode, DecodeContext) -> [Service]? { items("service", concurrently: true, checked(service, SpecValues.service)) }

    static func service(_ r: inout MapReader) -> Service? {
        let name = r.required("name", Decode.string)
        let image = r.required("image", Decode.string)
        let priorityClass = r.optional("priorityClass", Decode.string)
        let command = r.optional("command", default: [], list(Decode.string))
        let args = r.optional("args", default: [], list(Decode.string))
        let env = r.optionalStringMap("env")
        let securityContext = r.optional("securityContext", object("securityContext", securityOverrides))
        let serviceAccount = r.optional("serviceAccount", object("serviceAccount") { a -> ServiceAccount? in
            var account = ServiceAccount(annotations: a.optionalStringMap("annotations"))
            account.source = a.source
            return account
        })
        let ports = r.optional("ports", default: [], items("port") { p -> Port? in
            guard let (name, number) = all(p.required("name", Decode.string), p.required("port", Decode.int))
            else { return nil }
            var port = Port(name: name, port: number)
            port.source = p.source
            return port
        })
        let replicas = r.optional("replicas", default: 1, Decode.int)
        let resources = r.required("resources", Decode.resources("resources"))
        let probes = r.required("probes", object("probes") { p -> Probes? in
            let startup = p.optional("startup", probe("probes.startup"))
            guard let (readiness, liveness) = all(p.required("readiness", probe("probes.readiness")),
                                                  p.required("liveness", probe("probes.liveness"))) else { return nil }
            var probes = Probes(readiness: readiness, liveness: liveness, startup: startup)
            probes.source = p.source
            return probes
        })
        let capacity = r.optional("capacity", object("capacity") { c -> Capacity? in
            let rps = c.required("rpsPerReplica", Decode.int)
            let share: Percent? = c.optional("share", Decode.unit)
            guard let rps else { return nil }
            var capacity = Capacity(rpsPerReplica: rps, share: share)
            capacity.source = c.source
            return capacity
        })
        let volumes = r.optional("volumes", default: [], items("volume") { v -> Volume? in
            let required = all(v.required("name", Decode.string), v.required("mountPath", Decode.string),
                               v.required("size", Decode.unit) as ByteSize?)
            let storageClass = v.optional("storageClass", Decode.string)
            guard let (name, path, size) = required else { return nil }
            var volume = Volume(name: name, mountPath: path, size: size, storageClass: storageClass)
            volume.source = v.source
            return volume
        })
        let config = r.optionalStringMap("config")
        let secrets = r.optional("secrets", object("secrets") { s -> ServiceSecrets? in
            let required = all(s.required("store", Decode.string), s.required("keys", Decode.stringMap))
            let refresh = s.optional("refreshInterval", default: TimeSpan.hours(1), Decode.unit)
            guard let (store, keys) = required else { return nil }
            var secrets = ServiceSecrets(store: store, refreshInterval: refresh, keys: keys)
            secrets.source = s.source
            return secrets
        })
        let dependsOn = r.optional("dependsOn", default: [], list(Decode.string))
        let metrics = r.optional("metrics", default: [], items("metric") { m -> Metric? in
            let required = all(m.required("name", Decode.string), m.required("type", enumeration(Metric.Kind.self)))
            let labels = m.optional("labels", default: [], list(Decode.string))
            guard let (name, type) = required else { return nil }
            var metric = Metric(name: name, type: type, labels: labels)
            metric.source = m.source
            return metric
        })
        let disruption = r.optional("disruption", object("disruption") { d -> Disruption? in
            guard let min = d.required("minAvailable", Decode.int) else { return nil }
            var disruption = Disruption(minAvailable: min)
            disruption.source = d.source
            return disruption
        })
        let autoscaling = r.optional("autoscaling", object("autoscaling", Decode.autoscaling))
        guard let (name, image, resources, probes) = all(name, image, resources, probes) else { return nil }
        var service = Service(name: name, image: image, priorityClass: priorityClass, ports: ports, replicas: replicas,
                              resources: resources, probes: probes, capacity: capacity, volumes: volumes, config: config,
                              secrets: secrets, dependsOn: dependsOn, metrics: metrics, disruption: disruption,
                              autoscaling: autoscaling)
        service.command = command
        service.args = args
        service.env = env
        service.securityContext = securityContext
        service.serviceAccount = serviceAccount
        service.source = r.source
        return service
    }

    /// A probe: `path` and `port` (HTTP GET), `tcpSocket: PORT`, `grpc: PORT` (and `service`) or
    /// `exec: [COMMAND, ARG...]`, exactly one of them.
    static func probe(_ what: String) -> (SpecNode, DecodeContext) -> Probe? {
        object(what) { p in
            let kinds = ["path", "tcpSocket", "grpc", "exec"].filter(p.has)
            let check: Probe.Check?
            switch kinds.first {
            case _ where kinds.count > 1:
                p.context.report("SPEC002", "\(what) has \(kinds.map { "'\($0)'" }.joined(separator: " and ")); a probe checks one way",
                                 at: p.keyNode(kinds[1]) ?? p.node,
                                 notes: [.init("one of: path and port (HTTP GET), tcpSocket, grpc, exec")])
                p.allow(["path", "port", "tcpSocket", "grpc", "service", "exec"])
                check = nil
            case "tcpSocket"?:
                check = p.required("tcpSocket", Decode.string).map { .tcp(port: $0) }
            case "grpc"?:
                let service = p.optional("service", Decode.string)
                check = p.required("grpc", Decode.string).map { .grpc(port: $0, service: service) }
            case "exec"?:
                check = p.required("exec", list(Decode.string)).map { .exec(command: $0) }
            default:
                // Written without any way to check, the probe may be a grpc one missing its port.
                if kinds.isEmpty { p.allow(["service"]) }
                check = all(p.required("path", Decode.string), p.required("port", Decode.string)).map { .http(path: $0.0, port: $0.1) }
            }
            // A key of another way to check is the format's, so not unknown, but it does nothing here.
            let own: Set<String> = switch check {
            case .http?: ["path", "port"]
            case .grpc?: ["grpc", "service"]
            case .tcp?: ["tcpSocket"]
            case .exec?: ["exec"]
            case nil: Self.probeKeys
            }
            for key in Self.probeKeys.subtracting(own).sorted() where kinds.count <= 1 && p.has(key) {
                p.context.report("SPEC002", "'\(key)' does nothing in \(what), which checks by \(own.sorted().joined(separator: " and "))",
                                 at: p.keyNode(key) ?? p.node, notes: [.init("'port' goes with 'path'; 'service' with 'grpc'")])
            }
            p.allow(Array(Self.probeKeys))
            let initialDelay = p.optional("initialDelay", default: TimeSpan.seconds(0), Decode.unit)
            let period = p.optional("period", default: TimeSpan.seconds(10), Decode.unit)
            guard let check, kinds.count <= 1 else { return nil }
            var probe = Probe(check, initialDelay: initialDelay, period: period)
            probe.source = p.source
            return probe
        }
    }

    /// The keys of every way a probe checks.
    static let probeKeys: Set<String> = ["path", "port", "tcpSocket", "grpc", "service", "exec"]

    static func securityOverrides(_ s: inout MapReader) -> SecurityOverrides? {
        var overrides = SecurityOverrides(runAsUser: s.optional("runAsUser", Decode.int),
                                          runAsGroup: s.optional("runAsGroup", Decode.int),
                                          fsGroup: s.optional("fsGroup", Decode.int),
                                          readOnlyRootFilesystem: s.optional("readOnlyRootFilesystem", Decode.bool))
        overrides.capabilities = s.optional("capabilities", object("securityContext.capabilities") { c -> Capabilities? in
            var capabilities = Capabilities(add: c.optional("add", default: [], list(Decode.string)))
            capabilities.source = c.source
            return capabilities
        })
        overrides.source = s.source
        return overrides
    }
}
