/// Collects the findings of one decoding pass, and carries the format's description of the value
/// being decoded down to the mappings inside it.
final class DecodeContext {
    private(set) var findings: [Finding] = []
    /// The format's nodes of the keys being decoded, innermost last.
    private var formats: [SchemaNode?] = []
    /// When set, every mapping read compares what the decoder asks for with the format.
    let audit: FormatAudit?

    init(audit: FormatAudit? = nil) { self.audit = audit }

    /// The format's node of the value being decoded now (nil at the top, before any key).
    var format: SchemaNode? { formats.last ?? nil }

    /// `decode`, with `format` as the description of the value it reads.
    func decoding<T>(_ format: SchemaNode?, _ decode: () -> T) -> T {
        formats.append(format)
        defer { formats.removeLast() }
        return decode()
    }

    func location(_ node: SpecNode) -> SourceLocation { node.location }

    func report(_ rule: String, _ message: String, at node: SpecNode, notes: [Finding.Note] = []) {
        findings.append(Finding(rule: rule, message: message, at: location(node), notes: notes))
    }

    func report(_ finding: Finding) { findings.append(finding) }

    var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
