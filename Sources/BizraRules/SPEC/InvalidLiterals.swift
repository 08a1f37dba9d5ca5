import BizraSpec

/// SPEC002 on the model: the unit literals of a spec written in Swift that do not parse
/// (`"100 ms"`, `"2GB"`, `"110%"`, a cron of four fields), every one of them, each at the
/// initialiser that holds it, as the YAML loader reports a value that does not parse.
/// A walk over every stored value of a spec, whatever its type, so that a new field is covered
/// without being listed here.
enum InvalidLiterals {
    /// Every invalid literal of `spec`.
    static func findings(in spec: Spec) -> [Finding] {
        guard InvalidLiteralRecord.anyCreated else { return [] }
        var findings: [Finding] = []
        collect(spec, owner: spec.source.node, into: &findings)
        return findings
    }

    /// Appends a finding for each invalid literal in `value`, located at the nearest value
    /// around it that records where it was written (a literal cannot capture its own line).
    static func collect(_ value: Any, owner: SourceLocation?, into findings: inout [Finding]) {
        if isLeaf(value) { return }
        if let unit = value as? any SpecUnitLiteral {
            if let error = unit.invalidLiteral {
                findings.append(Finding(rule: WrongTypeOrUnit.identifier, severity: WrongTypeOrUnit.severity,
                                        message: error.message, at: owner,
                                        notes: [.init("expected \(type(of: unit).expected)")]))
            }
            return
        }
        let children = Array(Mirror(reflecting: value).children)
        let here = children.lazy.compactMap { ($0.value as? SourceMap)?.node }.first ?? owner
        for child in children {
            collect(child.value, owner: here, into: &findings)
        }
    }

    /// Values that hold no unit, skipped without reflecting on them.
    private static func isLeaf(_ value: Any) -> Bool {
        value is String || value is Int || value is Bool || value is Double || value is SourceMap
            || value is [String] || value is [String: String] || value is [String: Int]
    }
}
