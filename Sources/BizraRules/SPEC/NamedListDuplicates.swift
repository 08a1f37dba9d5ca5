import BizraSpec

/// Two items of one list with one `name` (SPEC004), in every named list of the model: the YAML
/// loader refuses them in the list as written, a spec built in Swift here.
enum NamedListDuplicates {
    static func findings(in spec: Spec) -> [Finding] {
        var check = Check()
        check.list("priorityClass", spec.platform.priorityClasses.map { ($0.name, $0.source["name"]) })
        check.list("service", spec.services.map { ($0.name, $0.source["name"]) })
        for service in spec.services {
            check.list("port", service.ports.map { ($0.name, $0.source["name"]) })
            check.list("volume", service.volumes.map { ($0.name, $0.source["name"]) })
            check.list("metric", service.metrics.map { ($0.name, $0.source["name"]) })
            check.list("trigger", (service.autoscaling?.triggers ?? []).map { ($0.name, $0.source["name"]) })
        }
        check.list("database", spec.databases.map { ($0.name, $0.source["name"]) })
        check.list("external endpoint", spec.external.map { ($0.name, $0.source["name"]) })
        check.list("alert", (spec.observability?.alerts ?? []).map { ($0.name, $0.source["name"]) })
        check.list("varnish rule", (spec.caching?.varnish?.rules ?? []).map { ($0.name, $0.source["name"]) })
        check.list("experiment", (spec.chaos?.experiments ?? []).map { ($0.name, $0.source["name"]) })
        check.list("region", (spec.regions?.list ?? []).map { ($0.name, $0.source["name"]) })
        check.list("endpoint", (spec.benchmarks?.endpoints ?? []).map { ($0.name, $0.source["name"]) })
        check.list("scenario", (spec.benchmarks?.scenarios ?? []).map { ($0.name, $0.source["name"]) })
        return check.findings
    }

    private struct Check {
        var findings: [Finding] = []

        mutating func list(_ what: String, _ items: [(name: String, location: SourceLocation?)]) {
            var first: [String: SourceLocation?] = [:]
            for item in items {
                if let earlier = first[item.name] {
                    findings.append(Finding(rule: Duplicate.identifier, message: "two items of \(what) are named '\(item.name)'",
                                            at: item.location, notes: [.init("first defined here", at: earlier)]))
                } else {
                    first[item.name] = item.location
                }
            }
        }
    }
}
