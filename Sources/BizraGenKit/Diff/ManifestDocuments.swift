import Yams

/// A YAML stream read back into values: what a manifest file of an output tree holds.
public enum ManifestDocuments {
    /// Why a YAML file could not be read as a stream of documents.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var message: String
        public var description: String { "\(file): not valid YAML: \(message)" }
    }

    /// Plain scalars resolve as YAML 1.2's core schema (bool, int, float, null), never as timestamps.
    private static let resolver = Resolver.default.removing(.timestamp)

    /// The documents of `text`, empty documents left out. Quoting, flow or block style, comments
    /// and key order are gone: two files that mean the same give equal values (compare with
    /// ``ValueDiff``, which also ignores key order).
    public static func parse(_ text: String, file: String) throws(ParseError) -> [YAMLValue] {
        do {
            var documents: [YAMLValue] = []
            for node in try Yams.compose_all(yaml: text, resolver) {
                let value = Self.value(node)
                if value != .null { documents.append(value) }
            }
            return documents
        } catch {
            throw ParseError(file: file, message: "\(error)")
        }
    }

    /// Whether a path names a YAML file.
    public static func isYAML(_ path: String) -> Bool {
        path.hasSuffix(".yaml") || path.hasSuffix(".yml")
    }

    static func value(_ node: Node) -> YAMLValue {
        switch node {
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return .null
            case .bool: return node.bool.map(YAMLValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map(YAMLValue.int) ?? node.float.map(YAMLValue.double) ?? .string(scalar.string)
            case .float: return node.float.map(YAMLValue.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .mapping(let mapping):
            var map = YAMLMap()
            for (key, value) in mapping {
                map.set(key.string ?? "\(key)", Self.value(value))
            }
            return .map(map)
        case .sequence(let sequence):
            return .list(sequence.map(Self.value))
        case .alias:
            return .null
        }
    }
}
