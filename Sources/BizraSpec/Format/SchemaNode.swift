import Foundation

/// One node of the spec format's schema: what a value may be, with a description for editors.
/// ``SpecSchema`` builds the whole tree once; ``jsonSchema`` turns it into JSON Schema 2020-12.
public indirect enum SchemaNode: Sendable {
    /// A mapping with exactly these keys (additionalProperties false).
    case object(description: String, properties: [Property])
    /// A mapping of free keys to values of one kind (labels, config, secret keys).
    case map(description: String, values: SchemaNode)
    /// A list; `named` lists have items with a unique `name` (environment overlays merge them by name).
    case list(description: String, items: SchemaNode, named: Bool = false)
    /// Text, optionally one of `allowed`, or matching `pattern` (an ECMA-262 regular expression).
    case text(description: String, allowed: [String]? = nil, pattern: String? = nil, acceptsNumbers: Bool = false)
    /// The name of something the spec defines elsewhere (a service, a port, a region): text that
    /// must resolve (REF001); in Swift, the value itself is accepted too (``SpecReference``).
    case reference(description: String)
    /// A whole number within bounds.
    case integer(description: String, minimum: Int? = nil, maximum: Int? = nil)
    /// A number.
    case number(description: String, minimum: Double? = nil, maximum: Double? = nil)
    /// true or false.
    case boolean(description: String)
    /// A unit value (TimeSpan, ByteSize, CPU, Percent, Rate, Cron): text matching `pattern`.
    case unit(description: String, pattern: String, acceptsNumbers: Bool)
    /// Exactly one of several shapes, told apart by `discriminator`'s constant (trigger or experiment `type`).
    case variants(description: String, discriminator: String, cases: [(value: String, node: SchemaNode)])
    /// A fixed value.
    case constant(description: String, value: Int)
    /// One value of `item`'s shape, or a list of them (`replication.postgres`).
    case oneOrList(description: String, item: SchemaNode)

    /// A key of an object.
    public struct Property: Sendable {
        /// The key.
        public var name: String
        /// What its value may be.
        public var node: SchemaNode
        /// Whether the key must be written.
        public var required: Bool

        /// A key that must be written.

        public static func required(_ name: String, _ node: SchemaNode) -> Property {
            Property(name: name, node: node, required: true)
        }

        /// A key that may be left out (its description gives the default).
        public static func optional(_ name: String, _ node: SchemaNode) -> Property {
            Property(name: name, node: node, required: false)
        }
    }

    /// What the value is, for editors and the key reference.
    public var description: String {
        switch self {
        case let .object(text, _), let .map(text, _), let .list(text, _, _), let .text(text, _, _, _),
             let .integer(text, _, _), let .number(text, _, _), let .boolean(text), let .unit(text, _, _),
             let .variants(text, _, _), let .constant(text, _), let .oneOrList(text, _), let .reference(text):
            text
        }
    }

    /// The keys of an object node (empty for other nodes).
    public var properties: [Property] {
        if case let .object(_, properties) = self { properties } else { [] }
    }

    /// The object (or variants) a mapping of this node is: itself, or the items of a list.
    public var mappingShape: SchemaNode? {
        switch self {
        case .object, .variants: self
        case let .list(_, items, _), let .oneOrList(_, items): items.mappingShape
        default: nil
        }
    }

    /// The object a mapping of these variants is when its discriminator is `type`: that variant's
    /// keys and the discriminator; for a missing or unknown type (resolved false), every variant's
    /// keys at once, none required but the discriminator, so that a misspelt type leaves them known.
    /// Nil for a node that is not variants.
    public func variant(_ type: String?) -> (shape: SchemaNode, resolved: Bool)? {
        guard case let .variants(description, discriminator, cases) = self else { return nil }
        let kind = Property.required(discriminator, .text(description: "The kind.", allowed: cases.map(\.value)))
        if let chosen = cases.first(where: { $0.value == type }) {
            return (.object(description: description, properties: [kind] + chosen.node.properties), true)
        }
        var every: [Property] = [kind]
        for property in cases.flatMap(\.node.properties) where !every.contains(where: { $0.name == property.name }) {
            every.append(.optional(property.name, property.node))
        }
        return (.object(description: description, properties: every), false)
    }

    /// The node at a key of this object, or of the items of this list.
    public subscript(key: String) -> SchemaNode? {
        switch self {
        case let .object(_, properties): properties.first { $0.name == key }?.node
        case let .list(_, items, _), let .oneOrList(_, items): items[key]
        default: nil
        }
    }

    /// This node as a JSON Schema (draft 2020-12) object, without `$schema`.
    public var json: [String: Any] {
        var schema: [String: Any] = [:]
        switch self {
        case let .object(_, properties):
            schema["type"] = "object"
            var props: [String: Any] = [:]
            for property in properties { props[property.name] = property.node.json }
            schema["properties"] = props
            let required = properties.filter(\.required).map(\.name)
            if !required.isEmpty { schema["required"] = required }
            schema["additionalProperties"] = false
        case let .map(_, values):
            schema["type"] = "object"
            schema["additionalProperties"] = values.json
        case let .list(_, items, _):
            schema["type"] = "array"
            schema["items"] = items.json
        case let .text(_, allowed, pattern, acceptsNumbers):
            schema["type"] = acceptsNumbers ? ["string", "number", "boolean"] : "string"
            if let allowed { schema["enum"] = allowed }
            if let pattern { schema["pattern"] = pattern }
        case let .integer(_, minimum, maximum):
            // Unbounded sides get the limits of the format (QuantityLimits), as the loader enforces them.
            schema["type"] = "integer"
            schema["minimum"] = minimum ?? -QuantityLimits.wholeNumber
            schema["maximum"] = maximum ?? QuantityLimits.wholeNumber
        case let .number(_, minimum, maximum):
            schema["type"] = "number"
            schema["minimum"] = minimum ?? -QuantityLimits.number
            schema["maximum"] = maximum ?? QuantityLimits.number
        case .reference:
            schema["type"] = "string"
        case .boolean:
            schema["type"] = "boolean"
        case let .unit(_, pattern, acceptsNumbers):
            schema["type"] = acceptsNumbers ? ["string", "number"] : "string"
            schema["pattern"] = pattern
        case let .variants(_, discriminator, cases):
            schema["type"] = "object"
            schema["required"] = [discriminator]
            schema["properties"] = [discriminator: ["enum": cases.map(\.value)]]
            schema["oneOf"] = cases.map { item -> [String: Any] in
                var branch = item.node.json
                var properties = branch["properties"] as? [String: Any] ?? [:]
                properties[discriminator] = ["const": item.value]
                branch["properties"] = properties
                return branch
            }
        case let .constant(_, value):
            schema["const"] = value
        case let .oneOrList(_, item):
            schema["oneOf"] = [item.json, ["type": "array", "items": item.json]]
        }
        schema["description"] = description
        return schema
    }
}
