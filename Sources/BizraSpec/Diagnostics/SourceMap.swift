/// Where each field of a spec value was written. It never takes part in equality:
/// a spec built in Swift equals the same spec read from YAML.
public struct SourceMap: Equatable, Hashable, Sendable {
    /// The location of the value itself (the mapping or list item).
    public var node: SourceLocation?
    private var fields: [String: SourceLocation]

    /// A map of the value at `node`, with the locations of its written `fields`.
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

    /// Every location it records: the value's and its fields'.
    var locations: [SourceLocation] { (node.map { [$0] } ?? []) + fields.values }

    public static func == (lhs: SourceMap, rhs: SourceMap) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}

extension SourceMap {
    /// The map of a value written in Swift at `fileID:line:column` (the `#fileID`, `#line` and
    /// `#column` of its initialiser's call): every field falls back to that place. A value the
    /// model's own module builds (a default, a value the YAML decoder then locates) gets none,
    /// since nobody wrote it there.
    public init(fileID: StaticString, line: UInt, column: UInt) {
        let own = fileID.withUTF8Buffer { $0.starts(with: "BizraSpec/".utf8) }
        self.init(node: own ? nil : SourceLocation(file: "\(fileID)", line: Int(line), column: Int(column)))
    }
}
