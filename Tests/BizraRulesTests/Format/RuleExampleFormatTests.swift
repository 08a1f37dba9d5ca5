import BizraRules
import Testing

@testable import BizraSpec

/// The rules' examples reach the parts of the format the committed specs leave out (every trigger,
/// experiment and scenario type, probes of every kind, tolerations, backups): loading each with
/// a ``FormatAudit`` shows the decoder reads exactly what the format describes there too.
@Suite struct RuleExampleFormatTests {
    @Test func everyRuleExampleIsReadAsTheFormatDescribesIt() {
        let audit = FormatAudit()
        var loader = SpecLoader()
        loader.audit = audit
        for rule in RuleCatalogue.all {
            for example in rule.triggeringExamples + rule.nonTriggeringExamples {
                _ = example.findings(rules: [], loader: loader)
            }
        }
        #expect(audit.drift.isEmpty, Comment(rawValue: Set(audit.drift).sorted().joined(separator: "\n")))
        #expect(audit.mappings > 1000, "only \(audit.mappings) mappings were compared")
    }
}
