/// Reads the keys of one YAML mapping, remembering where each value was written. Which keys the
/// mapping may have, and which it must, is the format's description of it (``SpecSchema``): any
/// other key is unknown (SPEC001, with a did-you-mean), a required one absent is SPEC003.
struct MapReader {
    let node: SpecNode
    private(set) var context: DecodeContext
    /// What the mapping is, for messages: "service 'bizra-node0'", "sla.latency".
    let what: String
    private let pairs: [(key: String, keyNode: SpecNode, value: SpecNode)]
    /// The format's description of this mapping: an object, or the variant its `type` names.
    private let shape: SchemaNode?
    /// False when the mapping's variant is unknown: its keys are then those of every variant.
    private let resolved: Bool
    /// The keys the decoder asked for, and those it required (some only given other keys).
    private var asked: [String] = []
    private var missing: [String] = []
    private var requiredKeys: [String] = []
    /// False for a mapping whose other keys are not read (a spec of an unsupported version).
    var reportsMissingKeys = true
    private(set) var source: SourceMap

    /// Nil (after reporting SPEC002) when the node is not a mapping. `format` describes it (default:
    /// the format of the key being decoded).
    init?(_ node: SpecNode, _ context: DecodeContext, what: String, format: SchemaNode? = nil) {
        guard case .mapping(let mapping) = node else {
            context.report("SPEC002", "\(what) must be a mapping, found \(node.kindDescription)", at: node)
            return nil
        }
        self.node = node
        self.context = context
        self.what = what
        self.pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
        self.source = SourceMap(node: context.location(node), capacity: mapping.pairs.count)
        let format = format ?? context.format?.mappingShape
        if case let .variants(_, discriminator, _)? = format, let variant = format?.variant(mapping[discriminator]?.string) {
            (shape, resolved) = (variant.shape, variant.resolved)
        } else {
            (shape, resolved) = (format, true)
        }
        asked.reserveCapacity(mapping.pairs.count)
    }

    /// The keys this mapping may have.
    private var known: [String] { shape.map { $0.properties.map(\.name) } ?? asked }

    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    /// The raw value of `key`, registering the key as known.
    mutating func raw(_ key: String) -> SpecNode? {
        asked.append(key)
        guard let pair = pairs.first(where: { $0.key == key }) else { return nil }
        source[key] = context.location(pair.value)
        return pair.value
    }

    /// The raw value of a key the format requires, whose absence the caller reports itself.
    mutating func rawRequired(_ key: String) -> SpecNode? {
        requiredKeys.append(key)
        return raw(key)
    }

    /// The key node of `key`, for messages about the key itself.
    func keyNode(_ key: String) -> SpecNode? { pairs.first { $0.key == key }?.keyNode }

    /// A key that must be there (SPEC003 when missing).
    mutating func required<T>(_ key: String, _ decode: (SpecNode, DecodeContext) -> T?) -> T? {
        requiredKeys.append(key)
        guard let value = raw(key) else {
            missing.append(key)
            return nil
        }
        return self.decode(key, value, decode)
    }

    /// `decode` on the value of `key`, with the format's description of that key.
    private func decode<T>(_ key: String, _ value: SpecNode, _ decode: (SpecNode, DecodeContext) -> T?) -> T? {
        context.decoding(shape?[key]) { decode(value, context) }
    }

    /// A key that may be absent.
    mutating func optional<T>(_ key: String, _ decode: (SpecNode, DecodeContext) -> T?) -> T? {
        guard let value = raw(key) else { return nil }
        if case .scalar(let scalar) = value, scalar.isPlain, ["", "~", "null"].contains(scalar.string) {
            return nil
        }
        return self.decode(key, value, decode)
    }

    /// A mapping of names to text that may be absent; each entry's value location is kept as
    /// `source["key.NAME"]`, so that a check can point at one entry.
    mutating func optionalStringMap(_ key: String) -> [String: String] {
        guard let node = raw(key) else { return [:] }
        if case .mapping(let mapping) = node {
            for pair in mapping.pairs {
                if let name = pair.key.string { source["\(key).\(name)"] = pair.value.location }
            }
        }
        return self.decode(key, node, Decode.stringMap) ?? [:]
    }

    /// Records where each item of the list at `key` is written (`source["key[INDEX]"]`), so that a
    /// check of one item can point at it.
    mutating func recordItemLocations(_ key: String) {
        guard let pair = pairs.first(where: { $0.key == key }), case .sequence(let list) = pair.value else { return }
        for (index, item) in list.items.enumerated() { source[SourceMap.itemKey(key, index)] = context.location(item) }
    }

    /// A key that may be absent, with a default.
    mutating func optional<T>(_ key: String, default fallback: T, _ decode: (SpecNode, DecodeContext) -> T?) -> T {
        optional(key, decode) ?? fallback
    }

    /// Registers `keys` as read: keys of the format that this value, as written, cannot use.
    mutating func allow(_ keys: [String]) { asked.append(contentsOf: keys) }

    /// Reports every key the format does not know here (SPEC001), then the required keys missing
    /// (SPEC003: the format's, and those the decoder requires given the other keys) that no
    /// misspelt key accounts for. Every mistake of a mapping is reported in one pass.
    func finish() {
        context.audit?.compare(what, shape: shape, asked: Set(asked), required: Set(requiredKeys),
                               resolved: resolved && reportsMissingKeys)
        let known = self.known
        var explained: Set<String> = []
        for pair in pairs where !known.contains(pair.key) {
            var message = "unknown key '\(pair.key)' in \(what)"
            if let suggestion = DidYouMean.suggestion(for: pair.key, among: known) {
                message += "; did you mean '\(suggestion)'?"
                explained.insert(suggestion)
            }
            context.report("SPEC001", message, at: pair.keyNode,
                           notes: [.init("known keys: \(Set(known).sorted().joined(separator: ", "))")])
        }
        guard reportsMissingKeys else { return }
        let present = Set(pairs.map(\.key))
        let required = missing + (shape?.properties ?? []).filter { $0.required && !present.contains($0.name) && !missing.contains($0.name) }.map(\.name)
        for key in required where !explained.contains(key) {
            context.report("SPEC003", "\(what) is missing required key '\(key)'", at: node)
        }
    }
}
