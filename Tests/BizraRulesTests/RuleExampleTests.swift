import BizraRules
import BizraSpec
import Testing

/// Every rule's examples are its tests: each triggering example yields a finding of that rule,
/// each non-triggering one yields none; and every rule has at least one of each.
@Suite struct RuleExampleTests {
    static let identifiers = RuleCatalogue.all.map { $0.identifier }

    @Test(arguments: identifiers)
    func examplesBehave(identifier: String) throws {
        let rule = try #require(RuleCatalogue.rule(identifier))
        #expect(!rule.triggeringExamples.isEmpty, "\(identifier) has no triggering example")
        #expect(!rule.nonTriggeringExamples.isEmpty, "\(identifier) has no non-triggering example")
        for example in rule.triggeringExamples {
            let found = example.findings().filter { $0.rule == identifier }
            #expect(!found.isEmpty, "\(identifier) did not trigger on:\n\(example)")
            #expect(found.allSatisfy { $0.location != nil }, "\(identifier) finding without a location")
        }
        for example in rule.nonTriggeringExamples {
            let found = example.findings()
            #expect(found.filter { $0.severity == .error || $0.rule == identifier }.isEmpty,
                    "\(identifier) example should pass but gave: \(found)")
        }
    }

    @Test func identifiersAreUniqueAndWellFormed() {
        #expect(Set(Self.identifiers).count == Self.identifiers.count)
        #expect(Self.identifiers.allSatisfy { $0.wholeMatch(of: /[A-Z]+[0-9]{3}/) != nil })
    }

    @Test func referencePlatformPassesEveryRuleWithoutWarning() throws {
        let spec = try SpecLoader().loadReference()
        #expect(SpecChecker().check(spec) == [])
    }
}
