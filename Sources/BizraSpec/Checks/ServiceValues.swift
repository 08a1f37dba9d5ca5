extension SpecValues {
    static func service(_ service: Service) -> [Finding] {
        var check = ValueFindings()
        check.name(service.name, at: service.source["name"])
        for port in service.ports {
            check.name(port.name, at: port.source["name"], maxLength: 15)
            check.port(port.port, at: port.source["port"])
        }
        check.count(service.replicas, at: service.source["replicas"])
        if let security = service.securityContext {
            check.count(security.runAsUser, at: security.source["runAsUser"])
            check.count(security.runAsGroup, at: security.source["runAsGroup"])
            check.count(security.fsGroup, at: security.source["fsGroup"])
        }
        if let capacity = service.capacity {
            check.count(capacity.rpsPerReplica, at: capacity.source["rpsPerReplica"])
            check.percent(capacity.share, at: capacity.source["share"])
        }
        for volume in service.volumes { check.name(volume.name, at: volume.source["name"]) }
        if let secrets = service.secrets { check.name(secrets.store, at: secrets.source["store"], maxLength: 63) }
        if let disruption = service.disruption { check.count(disruption.minAvailable, at: disruption.source["minAvailable"]) }
        if let autoscaling = service.autoscaling {
            check.wholeNumber(autoscaling.min, at: autoscaling.source["min"])
            check.wholeNumber(autoscaling.max, at: autoscaling.source["max"])
        }
        for trigger in service.autoscaling?.triggers ?? [] {
            check.name(trigger.name, at: trigger.source["name"])
            switch trigger.kind {
            case .cpu(let target), .memory(let target): check.percent(target, at: trigger.source["target"])
            case .redis(_, let length, _): check.count(length, at: trigger.source["length"])
            case .prometheus: break
            }
        }
        return check.findings
    }
}
