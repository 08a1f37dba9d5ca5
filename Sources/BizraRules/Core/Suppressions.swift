import BizraSpec

/// Applies the spec's `suppressions:` to the findings of a run: each warning a suppression covers
/// carries its reason (and no longer counts); errors are never suppressed. A suppression of a rule
/// the run checked that accepted no warning is a SPEC009 warning of its own.
enum Suppressions {
    static func apply(to findings: [Finding], of spec: Spec, checked rules: Set<String>) -> [Finding] {
        let suppressions = spec.suppressions
        guard !suppressions.isEmpty else { return findings }
        var used = Array(repeating: false, count: suppressions.count)
        var matchedErrors = Array(repeating: false, count: suppressions.count)
        let scopes = suppressions.map { $0.scope(in: spec) }
        var result = findings.map { finding -> Finding in
            var finding = finding
            for (index, suppression) in suppressions.enumerated() where scopes[index].covers(rule: finding.rule, at: finding.location) {
                if finding.severity == .error {
                    matchedErrors[index] = true
                } else {
                    used[index] = true
                    finding.suppression = finding.suppression ?? suppression.reason
                }
            }
            return finding
        }
        for (index, suppression) in suppressions.enumerated() where !used[index] {
            // The OUT rules judge planned objects, after this run; every one of them finds errors.
            let isOutputRule = suppression.rule.hasPrefix("OUT")
            let known = RuleCatalogue.rule(suppression.rule) != nil
            guard !known || rules.contains(suppression.rule) else { continue }
            let place = suppression.at.map { " at \($0)" } ?? ""
            let message = isOutputRule ? "suppression of \(suppression.rule): the OUT rules find errors, which are never suppressed; remove it"
                : !known ? "suppression of \(suppression.rule): no rule has that identifier (`bizra-gen rules` lists them); remove it"
                : matchedErrors[index] ? "suppression of \(suppression.rule)\(place) matches only errors, which are never suppressed: fix them, then remove it"
                : "suppression of \(suppression.rule)\(place) accepts no warning: what it was for is gone; remove it"
            result.append(Finding(rule: UnusedSuppression.identifier, severity: .warning, message: message,
                                  at: suppression.source["rule"] ?? suppression.source.node))
        }
        return result.sortedByLocation()
    }
}
