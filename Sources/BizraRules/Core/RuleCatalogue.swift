/// Every rule bizra-gen knows, in catalogue order (rules.md).
public enum RuleCatalogue {
    public static let all: [any Rule.Type] = specRules + refRules + slaRules + resRules + autoRules + chaosRules
        + regRules + cacheRules + secRules + benchRules

    /// The rule with that identifier (case-insensitive).
    public static func rule(_ identifier: String) -> (any Rule.Type)? {
        all.first { $0.identifier.caseInsensitiveCompare(identifier) == .orderedSame }
    }
}
