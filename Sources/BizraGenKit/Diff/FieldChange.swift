/// One difference inside an object, at a YAML path such as
/// `spec.template.spec.containers[name=bizra-node0].image`.
public struct FieldChange: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable {
        /// Only the new object has the field.
        case added
        /// Only the old object has it.
        case removed
        /// Both have it, with different values.
        case changed
    }

    /// Dotted keys; list items as `[name=x]` when the list's items are named, `[index]` otherwise.
    public var path: String
    public var kind: Kind
    public var old: YAMLValue?
    public var new: YAMLValue?

    public init(path: String, kind: Kind, old: YAMLValue?, new: YAMLValue?) {
        self.path = path
        self.kind = kind
        self.old = old
        self.new = new
    }
}
