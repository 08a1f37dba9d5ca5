import BizraRules
import BizraSpec
import Testing

/// The ten typos of issue 14: each is refused on the model, so a spec built in Swift gets the
/// finding a YAML spec gets, and a YAML spec gets it once, where the value is written.
@Suite struct ModelValueCheckTests {
    /// One typo: how it changes the loaded reference model, and how it is written in its YAML.
    struct Typo: Sendable, CustomStringConvertible {
        var description: String
        var rule: String
        /// Changes the model and returns where the finding belongs (the field's recorded location).
        var model: @Sendable (inout Spec) -> BizraSpec.SourceLocation?
        var file: String
        var old: String
        var new: String
        /// The text the finding points at: its first occurrence at or after `new`.
        var at: String
    }

    static let typos: [Typo] = [
        Typo(description: "an unknown Redis eviction policy", rule: "SPEC002", model: { spec in
            spec.caching!.redis!.maxmemoryPolicy = "allkeys-lur"
            return spec.caching!.redis!.source["maxmemoryPolicy"]
        }, file: "caching.yaml", old: "maxmemoryPolicy: volatile-lru", new: "maxmemoryPolicy: volatile-lur", at: "volatile-lur"),
        Typo(description: "a namespace Shop_Staging", rule: "SPEC005", model: { spec in
            spec.platform.namespace = "Shop_Staging"
            return spec.platform.source["namespace"]
        }, file: "platform.yaml", old: "namespace: bizra-production", new: "namespace: Shop_Staging", at: "Shop_Staging"),
        Typo(description: "two services named web", rule: "SPEC004", model: { spec in
            spec.services.append(spec.services[0])
            return spec.services[1].source["name"]
        }, file: "services.yaml", old: "databases:\n", new: "  - { name: bizra-node0, image: x }\ndatabases:\n", at: "bizra-node0"),
        Typo(description: "two databases with one name", rule: "SPEC004", model: { spec in
            spec.databases.append(spec.databases[0])
            return spec.databases[1].source["name"]
        }, file: "services.yaml", old: "limits: { cpu: \"2\", memory: 8Gi }\n", new: "limits: { cpu: \"2\", memory: 8Gi }\n  - { name: postgres }\n", at: "postgres"),
        Typo(description: "port 99999", rule: "SPEC002", model: { spec in
            spec.services[0].ports[0].port = 99999
            return spec.services[0].ports[0].source["port"]
        }, file: "services.yaml", old: "{ name: http, port: 8080 }", new: "{ name: http, port: 99999 }", at: "99999"),
        Typo(description: "an 18-character port name", rule: "SPEC005", model: { spec in
            spec.services[0].ports[1].name = "metrics-exporter-1"
            return spec.services[0].ports[1].source["name"]
        }, file: "services.yaml", old: "{ name: metrics, port: 9464 }", new: "{ name: metrics-exporter-1, port: 9464 }", at: "metrics-exporter-1"),
        Typo(description: "an exporter jaegr", rule: "SPEC002", model: { spec in
            spec.observability!.collector!.exporters[0] = "jaegr"
            return spec.observability!.collector!.source["exporters[0]"]
        }, file: "observability.yaml", old: "exporters: [jaeger,", new: "exporters: [jaegr,", at: "jaegr"),
        Typo(description: "an unknown backup include", rule: "REF001", model: { spec in
            spec.regions!.backup!.include[1] = "ground-truth-databse"
            return spec.regions!.backup!.source["include"]
        }, file: "regions.yaml", old: "include: [kubernetes-resources, ground-truth-database]", new: "include: [kubernetes-resources, ground-truth-databse]", at: "[kubernetes-resources"),
        Typo(description: "instances: -1", rule: "SPEC002", model: { spec in
            spec.databases[0].instances = -1
            return spec.databases[0].source["instances"]
        }, file: "services.yaml", old: "instances: 3", new: "instances: -1", at: "-1"),
        Typo(description: "a CPU target of 170%", rule: "SPEC002", model: { spec in
            guard let index = spec.services[0].autoscaling?.triggers.firstIndex(where: { $0.name == "cpu" }) else { return nil }
            spec.services[0].autoscaling!.triggers[index].kind = .cpu(target: Percent(170))
            return spec.services[0].autoscaling!.triggers[index].source["target"]
        }, file: "services.yaml", old: "type: cpu, target: 70%", new: "type: cpu, target: 170%", at: "170%"),
        Typo(description: "an external endpoint with no host and no CIDRs", rule: "SPEC003", model: { spec in
            spec.external.append(ExternalEndpoint(name: "smtp", port: 587))
            return spec.external.last!.source.node
        }, file: "platform.yaml", old: "platform:\n", new: "external:\n  - { name: smtp, port: 587 }\nplatform:\n", at: "{ name: smtp"),
    ]

    @Test("a typo in a spec built in Swift is a finding at the value", arguments: typos)
    func onTheModel(_ typo: Typo) throws {
        var spec = try SpecLoader().loadReference()
        #expect(SpecChecker().check(spec).filter { $0.severity == .error }.isEmpty)
        let location = typo.model(&spec)
        let found = SpecChecker().check(spec).filter { $0.rule == typo.rule }
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.location == location)
        if typo.rule == "SPEC004" { #expect(found.first?.notes.first?.location != nil) }
    }

    @Test("a typo in YAML is one finding, where the value is written", arguments: typos)
    func inYAML(_ typo: Typo) throws {
        var files = EmbeddedReferenceSpec.all
        let text = try #require(files[typo.file])
        let range = try #require(text.range(of: typo.old))
        files[typo.file] = text.replacingCharacters(in: range, with: typo.new)
        let found: [Finding]
        do {
            found = SpecChecker().check(try SpecLoader().load(files: files))
        } catch {
            found = error.findings
        }
        let edited = files[typo.file]!
        let at = try #require(edited.range(of: typo.at, range: range.lowerBound..<edited.endIndex))
        let before = edited[..<at.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
        #expect(found.filter { $0.rule == typo.rule }.count == 1, "\(found)")
        #expect(found.first { $0.rule == typo.rule }?.location == BizraSpec.SourceLocation(file: typo.file, line: line, column: column), "\(found)")
    }

    @Test func replicationWithoutASecretStoreIsRefusedOnTheModel() throws {
        var spec = try SpecLoader().loadReference()
        for index in spec.services.indices { spec.services[index].secrets = nil }
        let found = SpecChecker().check(spec).filter { $0.rule == "SPEC003" }
        #expect(found.count == 1 && found.first?.message.hasPrefix("replication.postgres cannot be wired without a secret store") == true, "\(found)")
        #expect(found.first?.location == spec.regions?.replication.postgres.first?.sourceMap["source"])
    }

    @Test func anItemThatDoesNotDecodeHidesNoMistakeOfTheOthers() throws {
        var files = EmbeddedReferenceSpec.all
        let text = try #require(files["services.yaml"])
        files["services.yaml"] = text.replacingOccurrences(of: "{ name: http, port: 8080 }", with: "{ name: http, port: 99999 }")
            .replacingOccurrences(of: "databases:\n", with: "  - { name: Broken_Node }\ndatabases:\n")
        do {
            _ = try SpecLoader().load(files: files)
            Issue.record("a service without an image loaded")
        } catch {
            #expect(Set(error.findings.map(\.rule)) == ["SPEC002", "SPEC003"], "\(error.findings)")
            #expect(error.findings.contains { $0.message == "port 99999 is outside 1-65535" })
        }
    }
}
