import ArgumentParser
import BizraSpec
import Foundation

/// How findings are printed: text on stderr, or one JSON / SARIF object on stdout.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif

    /// Prints `findings`; as text, followed by the `N errors, M warnings` line when there are
    /// any, or always with `summarized` (`validate`, whose every run ends with it).
    func print(_ findings: [Finding], summarized: Bool = false) {
        let sorted = findings.sortedByLocation()
        switch self {
        case .text:
            for finding in sorted { Terminal.error(TextDiagnostics.render(finding, color: Terminal.stderrUsesColor)) }
            if summarized || !sorted.isEmpty { Terminal.error(TextDiagnostics.summary(sorted)) }
        case .json:
            Terminal.out(JSONDiagnostics.render(sorted))
        case .sarif:
            Terminal.out(SARIFDiagnostics.render(sorted))
        }
    }
}

/// `FILE:LINE:COL: error[RULE]: message` and `note:` lines.
enum TextDiagnostics {
    /// `2 errors, 1 warning`, and how many warnings the spec's suppressions accept.
    static func summary(_ findings: [Finding]) -> String {
        let errors = findings.errorCount, warnings = findings.warningCount, suppressed = findings.suppressedCount
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            + (suppressed > 0 ? " (\(suppressed) suppressed)" : "")
    }

    static func render(_ finding: Finding, color: Bool) -> String {
        guard color else { return finding.description }
        let paint = { (code: String, text: String) in "\u{1B}[\(code)m\(text)\u{1B}[0m" }
        let where_ = finding.location.map { paint("1", "\($0): ") } ?? ""
        let severity = finding.suppression != nil ? paint("2", "suppressed warning[\(finding.rule)]")
            : finding.severity == .error ? paint("1;31", "error[\(finding.rule)]") : paint("1;33", "warning[\(finding.rule)]")
        var lines = ["\(where_)\(severity): \(finding.message)"]
        for note in finding.notes {
            lines.append("\(note.location.map { paint("1", "\($0): ") } ?? "")\(paint("1;36", "note")): \(note.message)")
        }
        if let note = finding.suppressionNote { lines.append("\(paint("1;36", "note")): \(note)") }
        return lines.joined(separator: "\n")
    }
}

/// The design's JSON shape: `{"diagnostics": [...], "errors": N, "warnings": N}`.
enum JSONDiagnostics {
    static func object(_ findings: [Finding]) -> [String: Any] {
        func place(_ location: SourceLocation?) -> [String: Any] {
            ["file": location?.file ?? NSNull(), "line": location?.line ?? NSNull(), "column": location?.column ?? NSNull()]
        }
        let diagnostics: [[String: Any]] = findings.map { finding in
            var item = place(finding.location)
            item["rule"] = finding.rule
            item["severity"] = finding.severity.rawValue
            item["message"] = finding.message
            if let reason = finding.suppression { item["suppressed"] = reason }
            item["notes"] = finding.notes.map { note -> [String: Any] in
                var value = place(note.location)
                value["message"] = note.message
                return value
            }
            return item
        }
        return ["diagnostics": diagnostics, "errors": findings.errorCount, "warnings": findings.warningCount,
                "suppressed": findings.suppressedCount]
    }

    static func render(_ findings: [Finding]) -> String {
        JSONText.render(object(findings))
    }
}

/// Deterministic, pretty JSON.
enum JSONText {
    static func render(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
