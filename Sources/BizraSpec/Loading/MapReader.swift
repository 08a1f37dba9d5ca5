/// Reads the keys of one YAML mapping, remembering where each value was written and which keys
/// were asked for, so that any other key is reported as unknown (SPEC001, with a did-you-mean).
struct MapReader {
    let node: SpecNode
    private(set) var context: DecodeContext
    /// What the mapping is, for messages: "service 'bizra-node0'", "sla.latency".
    let what: String
    private let pairs: [(key: String, keyNode: SpecNode, value: SpecNode)]
    private var known: [String] = []
    private var missing: [String] = []
    private(set) var source: SourceMap

    /// Nil (after reporting SPEC002) when the node is not a mapping.
    init?(_ node: SpecNode, _ context: DecodeContext, what: String) {
        guard case .mapping(let mapping) = node else {
            context.report("SPEC002", "\(what) must be a mapping, found \(node.kindDescription)", at: node)
            return nil
        }
        self.node = node
        self.context = context
        self.what = what
        self.pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
        self.source = SourceMap(node: context.location(node), capacity: mapping.pairs.count)
        known.reserveCapacity(mapping.pairs.count)
    }

    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    /// The raw value of `key`, registering the key as known.
    mutating func raw(_ key: String) -> SpecNode? {
        known.append(key)
        guard let pair = pairs.first(where: { $0.key == key }) else { return nil }
        source[key] = context.location(pair.value)
        return pair.value
    }

    /// The key node of `key`, for messages about the key itself.
    func keyNode(_ key: String) -> SpecNode? { pairs.first { $0.key == key }?.keyNode }

    /// A key that must be there (SPEC003 when missing).
    mutating func required<T>(_ key: String, _ decode: (SpecNode, DecodeContext) -> T?) -> T? {
        guard let value = raw(key) else {
            missing.append(key)
            return nil
        }
        return decode(value, context)
    }

    /// A key that may be absent.
    mutating func optional<T>(_ key: String, _ decode: (SpecNode, DecodeContext) -> T?) -> T? {
        guard let value = raw(key) else { return nil }
        if case .scalar(let scalar) = value, scalar.isPlain, ["", "~", "null"].contains(scalar.string) {
            return nil
        }
        return decode(value, context)
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
        return Decode.stringMap(node, context) ?? [:]
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

    /// Registers `keys` as known without reading them: keys the format defines here although this
    /// value, as written, cannot use them.
    mutating func allow(_ keys: [String]) { known.append(contentsOf: keys) }

    /// Registers as known every key that `read` asks for in any of `variants`, reporting nothing:
    /// for a mapping whose `type` is missing or wrong, so that the keys of its variants are not
    /// called unknown while a misspelling of one still is.
    mutating func allowKeys<T>(ofAll variants: [String], _ read: (String, inout MapReader) -> T?) {
        var scratch = self
        scratch.context = DecodeContext()
        for variant in variants { _ = read(variant, &scratch) }
        known = scratch.known
    }

    /// Reports every key that no `raw`/`required`/`optional` call asked for (SPEC001), then the
    /// required keys missing (SPEC003) that no misspelt key accounts for. Every decoder asks for
    /// all of its keys before it gives up on a bad one, so this holds even when the value did not
    /// decode: every mistake of a mapping is reported in one pass.
    func finish() {
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
        for key in missing where !explained.contains(key) {
            context.report("SPEC003", "\(what) is missing required key '\(key)'", at: node)
        }
    }
}
