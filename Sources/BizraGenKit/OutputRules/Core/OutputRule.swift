import BizraRules
import BizraSpec

/// A check of the OUT family (rules.md): run on the planned objects of every cluster before
/// anything is written. These guard the generator: no spec that passes the spec rules may
/// trigger one, and each comes with examples that break a planned object on purpose.
public protocol OutputRule: Sendable {
    /// Stable identifier, e.g. `OUT004`.
    static var identifier: String { get }
    static var severity: Severity { get }
    /// One sentence: what the rule catches.
    static var summary: String { get }
    /// One paragraph: why it matters and what would be right.
    static var explanation: String { get }
    /// Planned outputs broken on purpose: each must produce a finding of this rule.
    static var triggeringExamples: [OutputRuleExample] { get }
    /// Planned outputs that must produce none (the reference platform's, unchanged, is always one).
    static var nonTriggeringExamples: [OutputRuleExample] { get }

    init()

    /// The findings of this rule on the planned platform.
    func check(_ platform: PlannedPlatform) -> [Finding]
}

extension OutputRule {
    /// A finding of this rule about `object` in `cluster`: the message names the cluster, the file
    /// and the object; the location is the spec line the object came from, when there is one.
    func finding(_ message: String, about object: PlannedObject, in cluster: PlannedCluster,
                 platform: PlannedPlatform, notes: [Finding.Note] = []) -> Finding {
        Finding(rule: Self.identifier, severity: Self.severity,
                message: "cluster \(cluster.name), \(object.file): \(object.object.kind) \(object.object.reference): \(message)",
                at: platform.specLocation(of: object.object), notes: notes)
    }

    public static var nonTriggeringExamples: [OutputRuleExample] { [.reference] }
}

/// An example of an OUT rule: the reference platform planned, then changed by `breaking`.
public struct OutputRuleExample: Sendable, CustomStringConvertible {
    public var description: String
    public var breaking: @Sendable (inout PlannedPlatform) -> Void

    public init(_ description: String, breaking: @escaping @Sendable (inout PlannedPlatform) -> Void) {
        self.description = description
        self.breaking = breaking
    }

    /// The reference platform's planned objects as they are.
    public static let reference = OutputRuleExample("the reference platform's planned objects, unchanged") { _ in }

    /// The findings of `rule` on the example.
    public func findings(of rule: any OutputRule) throws -> [Finding] {
        var platform = try PlannedPlatform.reference()
        breaking(&platform)
        return rule.check(platform)
    }
}

/// Every OUT rule, in catalogue order.
public enum OutputRuleCatalogue {
    public static let all: [any OutputRule.Type] = [
        DuplicateObject.self, RefusedName.self, DanglingReference.self, BlockedFlow.self, UnscrapedMetric.self,
        MissingCloudIdentity.self, AutoscaledReplicas.self, MisplacedObject.self, UnsupportedRelease.self,
        UnhardenedContainer.self,
    ]

    public static func rule(_ identifier: String) -> (any OutputRule.Type)? {
        all.first { $0.identifier.caseInsensitiveCompare(identifier) == .orderedSame }
    }
}

/// Runs every OUT rule over a planned platform.
public struct OutputChecker: Sendable {
    public var rules: [any OutputRule]

    public init(rules: [any OutputRule] = OutputRuleCatalogue.all.map { $0.init() }) {
        self.rules = rules
    }

    /// Every finding, rule by rule in catalogue order, each rule's in cluster order.
    public func check(_ platform: PlannedPlatform) -> [Finding] {
        rules.concurrentMap { $0.check(platform) }.flatMap { $0 }
    }
}

/// Thrown by ``BuildPipeline/plan(_:)`` when an OUT rule finds an error: nothing is written.
public struct OutputCheckFailure: Error, CustomStringConvertible {
    public var findings: [Finding]
    public var description: String { findings.map(\.description).joined(separator: "\n") }
}
