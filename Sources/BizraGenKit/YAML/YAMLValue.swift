/// A YAML node as bizra-gen writes it.
///
/// Strings are written plain when every YAML 1.1 and 1.2 reader would read them back
/// as the same string, double-quoted otherwise, and as literal blocks when they span lines
/// (see ``YAMLScalarStyle``).
public enum YAMLValue: Equatable, Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([YAMLValue])
    case map(YAMLMap)

    /// A string node.
    public init(_ string: String) {
        self = .string(string)
    }

    /// The string, when this is a string node.
    public var stringValue: String? {
        if case let .string(value) = self { value } else { nil }
    }

    /// The integer, when this is an integer node.
    public var intValue: Int? {
        if case let .int(value) = self { value } else { nil }
    }

    /// The number, when this is a floating-point node.
    public var doubleValue: Double? {
        if case let .double(value) = self { value } else { nil }
    }

    /// The Boolean, when this is a Boolean node.
    public var boolValue: Bool? {
        if case let .bool(value) = self { value } else { nil }
    }

    /// The elements, when this is a list node.
    public var listValue: [YAMLValue]? {
        if case let .list(value) = self { value } else { nil }
    }

    /// The map, when this is a map node.
    public var mapValue: YAMLMap? {
        if case let .map(value) = self { value } else { nil }
    }

    /// The value of `key` when this is a map node, so lookups chain: `object["spec"]?["replicas"]`.
    public subscript(key: String) -> YAMLValue? {
        mapValue?[key]
    }

    /// The element at `index` when this is a list node and the index is in range.
    public subscript(index: Int) -> YAMLValue? {
        guard let list = listValue, list.indices.contains(index) else { return nil }
        return list[index]
    }
}

extension YAMLValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension YAMLValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self = .int(value)
    }
}

extension YAMLValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) {
        self = .double(value)
    }
}

extension YAMLValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension YAMLValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: YAMLValue...) {
        self = .list(elements)
    }
}

extension YAMLValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, YAMLValue)...) {
        self = .map(YAMLMap(elements.map { (key: $0.0, value: $0.1) }))
    }
}
