/// The spec format as one ``SchemaNode`` tree, built once from the model's own lists (the
/// loader's sections, the enums' cases, the type names of triggers, experiments and scenarios,
/// the known exporters, policies and backup contents): `bizra-gen schema` prints it as JSON Schema
/// for editors (yaml-language-server) and CI validators.
public enum SpecSchema {
    /// The `$id` of the printed schema.
    public static let identifier = "https://bizra.ai/schemas/bizra-gen/spec-v\(Spec.supportedVersion).json"

    /// The whole format: the top-level sections in `SpecLoader.sections` order.
    public static let root: SchemaNode = .object(
        description: "A bizra-gen spec (format version \(Spec.supportedVersion)): a Kubernetes platform that bizra-gen compiles "
            + "into manifests, a Varnish VCL and k6 scripts. A spec may be split over several files; each section is defined once.",
        properties: SpecLoader.sections.compactMap { name in
            sections[name].map { required.contains(name) ? .required(name, $0) : .optional(name, $0) }
        })

    /// The sections a spec must have.
    static let required: Set<String> = ["version", "platform", "sla"]

    /// One node per top-level section, by the loader's section name.
    public static let sections: [String: SchemaNode] = [
        "version": .constant(description: "The spec format version; this bizra-gen reads \(Spec.supportedVersion).",
                             value: Spec.supportedVersion),
        "platform": platform,
        "sla": sla,
        "services": .list(description: "The workloads: each a Deployment with its Service, config, secrets, autoscaling and metrics.",
                          items: service, named: true),
        "databases": .list(description: "Managed database clusters (PostgreSQL through CloudNativePG).", items: database, named: true),
        "external": .list(description: "What the services reach outside the platform (a payment provider, SMTP, a cloud API): dependsOn names these.",
                          items: externalEndpoint, named: true),
        "routes": .list(description: "The public routes, host and path prefix to a service or to Varnish; by default / on platform.domain to Varnish, else to the first service that listens. They decide which services the peak reaches.",
                        items: route),
        "observability": observability,
        "caching": caching,
        "chaos": chaos,
        "regions": regions,
        "benchmarks": benchmarks,
        "suppressions": .list(description: "Warnings the team accepts, each with its reason (errors are never suppressed; one that accepts nothing is SPEC009).",
                              items: .object(description: "An accepted warning.", properties: [
                                  .required("rule", .text(description: "The rule whose warnings are accepted, such as CACHE004.", pattern: "^[A-Z]+[0-9]{3}$")),
                                  .optional("at", .text(description: "Where: a path into the spec (caching.redis, services.web; list items by name); everywhere when omitted.")),
                                  .required("reason", .text(description: "Why the warning is accepted.", pattern: "\\S")),
                              ]), named: false),
    ]

    /// The JSON Schema document (draft 2020-12).
    public static var document: [String: Any] {
        var json = root.json
        json["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        json["$id"] = identifier
        json["title"] = "bizra-gen spec"
        return json
    }

    // MARK: - Shared shapes

    static func amounts(_ what: String) -> SchemaNode {
        .object(description: "\(what): CPU and memory.", properties: [
            .required("cpu", UnitPatterns.cpu("CPU")),
            .required("memory", UnitPatterns.byteSize("Memory")),
        ])
    }

    static func resources(_ what: String) -> SchemaNode {
        .object(description: "\(what): requests and limits.", properties: [
            .required("requests", amounts("Requested")),
            .required("limits", amounts("Limit")),
        ])
    }

    static func text(_ description: String, allowed: [String]? = nil) -> SchemaNode {
        .text(description: description, allowed: allowed)
    }

    /// A reference to another thing of the spec, by name.
    static func reference(_ description: String) -> SchemaNode {
        .reference(description: "\(description) (a name defined elsewhere in the spec; it must resolve)")
    }

    static func textMap(_ description: String) -> SchemaNode {
        .map(description: description, values: .text(description: "Text.", acceptsNumbers: true))
    }

    static func count(_ description: String) -> SchemaNode { .integer(description: description, minimum: 0) }

    static func textList(_ description: String, allowed: [String]? = nil) -> SchemaNode {
        .list(description: description, items: .text(description: "One item.", allowed: allowed))
    }
}

extension SpecSchema {
    /// The schema of an environment overlay (specs/environments/NAME.yaml): the same keys, none
    /// required, since an overlay states only what differs from the base.
    public static var overlayDocument: [String: Any] {
        var json = relaxed(root.json) as! [String: Any]
        json["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        json["$id"] = identifier.replacingOccurrences(of: ".json", with: "-overlay.json")
        json["title"] = "bizra-gen environment overlay"
        return json
    }

    private static func relaxed(_ value: Any) -> Any {
        if let list = value as? [Any] { return list.map(relaxed) }
        guard var object = value as? [String: Any] else { return value }
        object["required"] = nil
        if var properties = object["properties"] as? [String: Any], properties["name"] != nil {
            properties[NodeMerge.patchKey] = ["enum": [NodeMerge.deleteDirective],
                                              "description": "delete: remove the base's item of this name"]
            object["properties"] = properties
        }
        if let branches = object.removeValue(forKey: "oneOf") { object["anyOf"] = branches }
        for (key, child) in object { object[key] = relaxed(child) }
        return object
    }
}
