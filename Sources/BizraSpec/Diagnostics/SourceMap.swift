/// Where each field of a spec value was written. It never takes part in equality:
/// a spec built in Swift equals the same spec read from YAML.
public struct SourceMap: Equatable, Hashable, Sendable {
    /// The location of the value itself (the mapping or list item).
    public var node: SourceLocation?
    private var fields: [String: SourceLocation]

    public init(node: SourceLocation? = nil, fields: [String: SourceLocation] = [:]) {
        self.node = node
        self.fields = fields
    }

    /// An empty map with room for `capacity` fields, so that recording them does not regrow it.
    init(node: SourceLocation?, capacity: Int) {
        self.node = node
        fields = Dictionary(minimumCapacity: capacity)
    }

    /// The location of a field's value (`"replicas"`), falling back to the value itself.
    public subscript(field: String) -> SourceLocation? {
        get { fields[field] ?? node }
        set { fields[field] = newValue }
    }

    /// The location of a field's value only when the field was written.
    public func exactly(_ field: String) -> SourceLocation? { fields[field] }

    public static func == (lhs: SourceMap, rhs: SourceMap) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
