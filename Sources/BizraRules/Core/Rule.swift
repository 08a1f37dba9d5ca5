import BizraSpec

/// One check of the catalogue (rules.md): a stable identifier, a severity, what it protects,
/// and spec examples that trigger it and that do not. The examples are its tests.
public protocol Rule: Sendable {
    /// Stable identifier, e.g. `SLA005`.
    static var identifier: String { get }
    static var severity: Severity { get }
    /// One sentence: what the rule catches.
    static var summary: String { get }
    /// One paragraph: why it matters and what would be right.
    static var explanation: String { get }
    /// Specs that must produce at least one finding of this rule.
    static var triggeringExamples: [RuleExample] { get }
    /// Specs that must produce none.
    static var nonTriggeringExamples: [RuleExample] { get }

    init()

    /// The findings of this rule on a loaded spec. Rules about YAML itself (its syntax, unknown
    /// and missing keys), checked while it is read, return none here.
    func check(_ spec: Spec) -> [Finding]

    /// The same findings, given what several rules derive from the spec (its parsed PromQL
    /// queries, its metric catalogue), computed once per check run. Rules that read those
    /// implement this; the others get `check(_:)`.
    func check(_ spec: Spec, with analysis: SpecAnalysis) -> [Finding]
}

extension Rule {
    public func check(_ spec: Spec, with analysis: SpecAnalysis) -> [Finding] {
        check(spec)
    }
}

extension Rule {
    /// A finding of this rule with its own identifier and severity.
    public func finding(_ message: String, at location: SourceLocation?, notes: [Finding.Note] = []) -> Finding {
        Finding(rule: Self.identifier, severity: Self.severity, message: message, at: location, notes: notes)
    }
}

/// A spec used as an example of a rule: the reference platform with an overlay merged on top
/// (maps merge deeply, named lists by name, other lists replace), or a whole document.
public struct RuleExample: Sendable, CustomStringConvertible {
    public enum Source: Sendable {
        /// Merged onto the reference platform, like an environment overlay.
        case overlay(String)
        /// A complete spec file, for rules about the file itself (syntax, limits).
        case document(String)
    }

    public var source: Source

    public static func overlay(_ yaml: String) -> RuleExample { RuleExample(source: .overlay(yaml)) }
    public static func document(_ yaml: String) -> RuleExample { RuleExample(source: .document(yaml)) }

    public var description: String {
        switch source {
        case .overlay(let yaml): "# merged onto the reference platform\n\(yaml)"
        case .document(let yaml): yaml
        }
    }

    /// The findings the whole pipeline (load with `loader`, then every rule) reports for this example.
    public func findings(rules: [any Rule] = RuleCatalogue.all.map { $0.init() }, loader: SpecLoader = SpecLoader()) -> [Finding] {
        do {
            let spec: Spec
            switch source {
            case .overlay(let yaml): spec = try loader.loadReference(overlay: ("example.yaml", yaml))
            case .document(let yaml): spec = try loader.load(text: yaml, file: "example.yaml")
            }
            return SpecChecker(rules: rules).check(spec)
        } catch {
            return error.findings
        }
    }
}
