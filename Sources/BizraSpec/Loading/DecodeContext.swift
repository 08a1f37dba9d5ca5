/// Collects the findings of one decoding pass.
final class DecodeContext {
    private(set) var findings: [Finding] = []

    func location(_ node: SpecNode) -> SourceLocation { node.location }

    func report(_ rule: String, _ message: String, at node: SpecNode, notes: [Finding.Note] = []) {
        findings.append(Finding(rule: rule, message: message, at: location(node), notes: notes))
    }

    func report(_ finding: Finding) { findings.append(finding) }

    var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
