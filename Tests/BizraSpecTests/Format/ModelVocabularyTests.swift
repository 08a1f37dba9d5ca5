import BizraTestSupport
import Testing

@testable import BizraSpec

/// One vocabulary: the model's stored properties, which are the Swift DSL's labels, are the YAML
/// keys of the format, nested where YAML nests. Every property of the committed specs' values is
/// walked with `Mirror` and looked up at the same path of the format's description
/// (``SpecSchema``); a property the format does not have there is a name the DSL spells its own way.
@Suite struct ModelVocabularyTests {
    /// What every model value carries besides its keys: where it was written.
    static let locationProperties: Set<String> = ["source", "sourceMap"]
    /// Properties that hold one of several keys: a probe's `check` is exactly one of `path` and
    /// `port`, `tcpSocket`, `grpc` (with `service`) or `exec`, as the DSL's initialisers are labelled.
    static let oneOfProperties: Set<String> = [".services[].probes.readiness.check", ".services[].probes.liveness.check",
                                               ".services[].probes.startup.check"]

    /// The paths of `value`'s properties that `schema` has no key for.
    static func foreignNames(_ value: Any, _ schema: SchemaNode, path: String, into foreign: inout Set<String>) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            if let wrapped = mirror.children.first?.value { foreignNames(wrapped, schema, path: path, into: &foreign) }
            return
        }
        switch schema {
        case let .object(_, properties):
            guard mirror.displayStyle == .struct else { return }
            for child in mirror.children {
                guard let label = child.label, !locationProperties.contains(label), !label.hasPrefix("_"),
                      !label.hasSuffix("Index") else { continue }
                guard let node = properties.first(where: { $0.name == label })?.node else {
                    if !oneOfProperties.contains("\(path).\(label)") { foreign.insert("\(path).\(label)") }
                    continue
                }
                foreignNames(child.value, node, path: "\(path).\(label)", into: &foreign)
            }
        case let .list(_, items, _), let .oneOrList(_, items):
            guard mirror.displayStyle == .collection else {
                foreignNames(value, items, path: path, into: &foreign)
                return
            }
            for child in mirror.children { foreignNames(child.value, items, path: "\(path)[]", into: &foreign) }
        default:
            return
        }
    }

    static func specs() throws -> [Spec] {
        let loader = SpecLoader()
        return try ["specs", "Examples/harbor/specs", "tests/fixtures/variant", "tests/fixtures/ledger"].map {
            try loader.load(path: Repository.root.appendingPathComponent($0).path)
        } + [try loader.load(path: Repository.root.appendingPathComponent("specs").path, environment: "production")]
    }

    @Test func everyPropertyOfTheModelIsAKeyOfTheFormat() throws {
        var foreign: Set<String> = []
        for spec in try Self.specs() { Self.foreignNames(spec, SpecSchema.root, path: "", into: &foreign) }
        #expect(foreign.isEmpty, "properties the YAML format does not name: \(foreign.sorted())")
    }

    @Test func aPropertyTheFormatLacksIsCaught() {
        struct Shaped { var known = 1; var spelledOtherwise = 2; var source = 0 }
        var foreign: Set<String> = []
        let schema = SchemaNode.object(description: "", properties: [.required("known", .integer(description: ""))])
        Self.foreignNames(Shaped(), schema, path: "x", into: &foreign)
        #expect(foreign == ["x.spelledOtherwise"])
    }
}
