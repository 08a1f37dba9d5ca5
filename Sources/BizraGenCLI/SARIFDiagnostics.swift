import BizraGenKit
import BizraRules
import BizraSpec
import Foundation

/// SARIF 2.1.0, as GitHub code scanning reads it: one run, the catalogue as the tool's rules.
enum SARIFDiagnostics {
    static func render(_ findings: [Finding]) -> String {
        let rules: [[String: Any]] = CatalogueEntry.all.map { rule in
            [
                "id": rule.identifier,
                "shortDescription": ["text": rule.summary],
                "fullDescription": ["text": rule.explanation],
                "defaultConfiguration": ["level": rule.severity == .error ? "error" : "warning"],
            ]
        }
        let results: [[String: Any]] = findings.map { finding in
            var result: [String: Any] = [
                "ruleId": finding.rule,
                "level": finding.severity == .error ? "error" : "warning",
                "message": ["text": ([finding.message] + finding.notes.map { "note: \($0.message)" }).joined(separator: "\n")],
            ]
            if let location = finding.location {
                result["locations"] = [physical(location)]
            }
            if let reason = finding.suppression {
                // The acceptance is written in the spec, the file the finding is about (SARIF 2.1.0 §3.35.2).
                result["suppressions"] = [["kind": "inSource", "status": "accepted", "justification": reason]]
            }
            let related = finding.notes.compactMap { note in note.location.map { (note, $0) } }
            if !related.isEmpty {
                result["relatedLocations"] = related.enumerated().map { index, pair -> [String: Any] in
                    var value = physical(pair.1)
                    value["id"] = index + 1
                    value["message"] = ["text": pair.0.message]
                    return value
                }
            }
            return result
        }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": [
                    "name": "bizra-gen",
                    "version": BizraGenVersion.current,
                    "informationUri": "https://github.com/bizra/bizra-gen",
                    "rules": rules,
                ]],
                "results": results,
            ]],
        ]
        return JSONText.render(log)
    }

    private static func physical(_ location: SourceLocation) -> [String: Any] {
        ["physicalLocation": [
            "artifactLocation": ["uri": location.file],
            "region": ["startLine": location.line, "startColumn": location.column],
        ]]
    }
}
