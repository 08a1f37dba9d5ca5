import BizraGenKit
import BizraRules
import BizraSpec

/// Every check the CLI lists, explains and reports in SARIF: the spec rules, then the OUT rules
/// that judge the planned objects.
struct CatalogueEntry {
    var identifier: String
    var severity: Severity
    var summary: String
    var explanation: String
    var triggering: [String]
    var nonTriggering: [String]

    static let all: [CatalogueEntry] = RuleCatalogue.all.map { rule in
        CatalogueEntry(identifier: rule.identifier, severity: rule.severity, summary: rule.summary, explanation: rule.explanation,
                       triggering: rule.triggeringExamples.map(\.description), nonTriggering: rule.nonTriggeringExamples.map(\.description))
    } + OutputRuleCatalogue.all.map { rule in
        CatalogueEntry(identifier: rule.identifier, severity: rule.severity, summary: rule.summary, explanation: rule.explanation,
                       triggering: rule.triggeringExamples.map(\.description), nonTriggering: rule.nonTriggeringExamples.map(\.description))
    }

    /// The entry with that identifier (case-insensitive).
    static func entry(_ identifier: String) -> CatalogueEntry? {
        all.first { $0.identifier.caseInsensitiveCompare(identifier) == .orderedSame }
    }
}
