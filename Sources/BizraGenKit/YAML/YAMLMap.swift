/// A YAML mapping that keeps its keys in insertion order.
///
/// Keys are unique: setting an existing key replaces its value in place, so the
/// writer never emits a duplicate key.
public struct YAMLMap: Equatable, Sendable, ExpressibleByDictionaryLiteral {
    /// The entries, in insertion order.
    public private(set) var entries: [(key: String, value: YAMLValue)]

    /// An empty map.
    public init() {
        entries = []
    }

    /// A map of `entries` in the given order; a repeated key replaces the earlier value in place.
    public init(_ entries: [(key: String, value: YAMLValue)]) {
        self.entries = []
        for entry in entries {
            set(entry.key, entry.value)
        }
    }

    /// A map of the literal's entries in source order; a repeated key replaces the earlier value in place.
    public init(dictionaryLiteral elements: (String, YAMLValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }

    /// A map of `dict` with keys sorted by Unicode scalar order, so the result never depends on dictionary order.
    public init(sortedKeys dict: [String: YAMLValue]) {
        entries = dict.keys.sorted(by: String.scalarOrder).map { (key: $0, value: dict[$0]!) }
    }

    /// A map of string values with keys sorted by Unicode scalar order.
    public init(sortedKeys dict: [String: String]) {
        self.init(sortedKeys: dict.mapValues(YAMLValue.string))
    }

    /// Whether the map has no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The number of entries.
    public var count: Int { entries.count }

    /// The keys, in order.
    public var keys: [String] { entries.map(\.key) }

    /// The value for `key`; setting `nil` removes the entry, setting a new key appends it.
    public subscript(key: String) -> YAMLValue? {
        get { entries.first { $0.key == key }?.value }
        set { set(key, newValue) }
    }

    /// Applies `edit` to the mapping at `path` (keys of nested mappings); a missing last mapping is
    /// created when `create` is set, else nothing changes.
    public mutating func update(_ path: [String], create: Bool = false, _ edit: (inout YAMLMap) -> Void) {
        guard let key = path.first else {
            edit(&self)
            return
        }
        guard var child = self[key]?.mapValue ?? ((create && path.count == 1) ? YAMLMap() : nil) else { return }
        child.update(Array(path.dropFirst()), create: create, edit)
        self[key] = .map(child)
    }

    /// Replaces the value of `key` in place, appends it when new, or removes it when `value` is `nil`.
    public mutating func set(_ key: String, _ value: YAMLValue?) {
        let index = entries.firstIndex { $0.key == key }
        switch (index, value) {
        case let (index?, value?): entries[index].value = value
        case let (index?, nil): entries.remove(at: index)
        case let (nil, value?): entries.append((key: key, value: value))
        case (nil, nil): break
        }
    }

    public static func == (lhs: YAMLMap, rhs: YAMLMap) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
