/// A YAML node of a spec file with the file, line and column it was written at, so that nodes
/// merged from several files (sections, environment overlays) keep their own file.
enum SpecNode: Sendable {
    struct Scalar: Sendable {
        var string: String
        /// Written without quotes: only plain scalars are read as numbers or booleans.
        var isPlain: Bool
        var location: SourceLocation
    }

    struct Mapping: Sendable, Sequence {
        var pairs: [(key: SpecNode, value: SpecNode)]
        var location: SourceLocation

        subscript(key: String) -> SpecNode? { pairs.first { $0.key.string == key }?.value }
        func makeIterator() -> IndexingIterator<[(key: SpecNode, value: SpecNode)]> { pairs.makeIterator() }
    }

    struct List: Sendable, Sequence {
        var items: [SpecNode]
        var location: SourceLocation
        func makeIterator() -> IndexingIterator<[SpecNode]> { items.makeIterator() }
    }

    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(List)

    var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .mapping(let mapping): mapping.location
        case .sequence(let list): list.location
        }
    }

    /// The text of a scalar, nil for collections.
    var string: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }

    var isPlainScalar: Bool {
        if case .scalar(let scalar) = self { return scalar.isPlain }
        return false
    }

    /// What the node is, for messages: "a mapping", "a list", "'text'".
    var kindDescription: String {
        switch self {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar): scalar.string.isEmpty ? "an empty value" : "'\(scalar.string)'"
        }
    }
}
