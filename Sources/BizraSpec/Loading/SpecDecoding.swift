/// The top level of the format: `version` first, then each section.
enum SpecDecoding {
    static func spec(_ node: SpecNode, _ context: DecodeContext) -> Spec? {
        guard var r = MapReader(node, context, what: "the spec", format: SpecSchema.root) else { return nil }
        defer { r.finish() }
        let versionNode = r.rawRequired("version")
        let supported = versionNode.flatMap { Int($0.string ?? "") } == Spec.supportedVersion
        if !supported {
            // SPEC006 says why; what the sections hold is not read.
            r.reportsMissingKeys = false
            for section in SpecLoader.sections { _ = r.raw(section) }
        }
        guard let versionNode else {
            context.report(Finding(rule: "SPEC006", message: "the spec has no 'version'; add 'version: \(Spec.supportedVersion)'",
                                   at: node.location))
            return nil
        }
        guard supported else {
            context.report("SPEC006", "spec version \(versionNode.kindDescription) is not supported; this bizra-gen reads version \(Spec.supportedVersion)",
                           at: versionNode)
            return nil
        }
        let platform = r.required("platform", Decode.platform)
        let sla = r.required("sla", Decode.sla)
        let services = r.optional("services", Decode.services)
        let databases = r.optional("databases", default: [], Decode.databases)
        let external = r.optional("external", default: [], Decode.externalEndpoints)
        let routes = r.optional("routes", default: [], Decode.routes)
        let observability = r.optional("observability", Decode.observability)
        let caching = r.optional("caching", Decode.caching)
        let chaos = r.optional("chaos", Decode.chaos)
        let regions = r.optional("regions", Decode.regions)
        let benchmarks = r.optional("benchmarks", Decode.benchmarks)
        let suppressions = r.optional("suppressions", default: [], Decode.items("suppression", named: false, Decode.suppression(in: node)))
        guard let (platform, sla) = all(platform, sla) else { return nil }
        var spec = Spec(version: Spec.supportedVersion, platform: platform, sla: sla, services: services ?? [], databases: databases, external: external, routes: routes,
                        observability: observability, caching: caching, chaos: chaos, regions: regions,
                        benchmarks: benchmarks, suppressions: suppressions)
        spec.source = r.source
        // Across sections only once each reads whole: a section that did not decode may hold what another needs.
        if !context.hasErrors { SpecValues.acrossSections(spec).forEach(context.report) }
        return spec
    }
}
