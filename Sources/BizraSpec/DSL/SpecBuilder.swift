/// A top-level section of a spec, as written in the Swift DSL.
public protocol SpecSection {
    /// Where the section was written, for the DSL's own findings.
    var source: SourceMap { get }
    /// Puts the section into the spec being built; a section given twice is SPEC004.
    func place(in draft: inout SpecDraft)
}

/// The spec being assembled by `Spec { ... }`.
public struct SpecDraft {
    var platform: Platform?
    var sla: SLA?
    var services: [Service] = []
    var databases: [Database] = []
    var external: [ExternalEndpoint] = []
    var routes: [Route] = []
    var suppressions: [Suppression] = []
    var observability: Observability?
    var caching: Caching?
    var chaos: Chaos?
    var regions: Regions?
    var benchmarks: Benchmarks?
    var findings: [Finding] = []

    mutating func once<T: SpecSection>(_ slot: WritableKeyPath<SpecDraft, T?>, _ value: T, _ name: String) {
        if let first = self[keyPath: slot] {
            findings.append(Finding(rule: "SPEC004", message: "section '\(name)' is given twice in the DSL", at: value.source.node,
                                    notes: [.init("first given here", at: first.source.node)]))
        }
        self[keyPath: slot] = value
    }
}

/// Collects the sections of `Spec { ... }`.
@resultBuilder
public enum SpecBuilder {
    /// One section.
    public static func buildExpression(_ section: some SpecSection) -> [any SpecSection] { [section] }
    /// A list of sections, spliced in.
    public static func buildExpression(_ sections: [any SpecSection]) -> [any SpecSection] { sections }
    /// The sections of a block, in order.
    public static func buildBlock(_ parts: [any SpecSection]...) -> [any SpecSection] { parts.flatMap { $0 } }
    /// An `if` without `else`: its sections, or none.
    public static func buildOptional(_ part: [any SpecSection]?) -> [any SpecSection] { part ?? [] }
    /// The first branch of an `if`/`else` or `switch`.
    public static func buildEither(first: [any SpecSection]) -> [any SpecSection] { first }
    /// The second branch of an `if`/`else` or `switch`.
    public static func buildEither(second: [any SpecSection]) -> [any SpecSection] { second }
    /// The sections of a `for` loop, in order.
    public static func buildArray(_ parts: [[any SpecSection]]) -> [any SpecSection] { parts.flatMap { $0 } }
}

extension Spec {
    /// Builds a spec in Swift: the same value the YAML front end produces.
    ///
    ///     let spec = try Spec {
    ///         Platform(name: "shop", environment: "staging", namespace: "shop", domain: "shop.example.com")
    ///         SLA(latency: .init(p50: .milliseconds(50), p95: .milliseconds(100), p99: .milliseconds(200)),
    ///             errorRate: .percent(1), throughput: .init(peak: .perSecond(200), sustained: .perSecond(100)))
    ///         Service(name: "web", ...)
    ///     }
    ///
    /// Units are best written with their typed constructors (`.seconds(5)`, `.gibibytes(2)`,
    /// `.millicores(500)`); a literal (`"5s"`, `"2Gi"`) that does not parse is a SPEC002 finding of
    /// `SpecChecker`. Every value records the Swift line of its initialiser, so each finding on a
    /// DSL spec reads `FILE:LINE:COL: error[RULE]` there. A missing or repeated section throws.
    public init(version: Int = Spec.supportedVersion, @SpecBuilder _ sections: () -> [any SpecSection],
                fileID: StaticString = #fileID, line: UInt = #line, column: UInt = #column) throws(SpecError) {
        let location = SourceMap(fileID: fileID, line: line, column: column).node
        var draft = SpecDraft()
        for section in sections() { section.place(in: &draft) }
        if draft.platform == nil {
            draft.findings.append(Finding(rule: "SPEC003", message: "the spec has no Platform section", at: location))
        }
        if draft.sla == nil {
            draft.findings.append(Finding(rule: "SPEC003", message: "the spec has no SLA section", at: location))
        }
        guard draft.findings.isEmpty, let platform = draft.platform, let sla = draft.sla else {
            throw SpecError(draft.findings)
        }
        self.init(version: version, platform: platform, sla: sla, services: draft.services, databases: draft.databases,
                  external: draft.external, routes: draft.routes, observability: draft.observability, caching: draft.caching,
                  chaos: draft.chaos, regions: draft.regions, benchmarks: draft.benchmarks, suppressions: draft.suppressions,
                  fileID: fileID, line: line, column: column)
    }
}

extension Platform: SpecSection {
    /// Sets the spec's platform (SPEC004 when given twice).
    public func place(in draft: inout SpecDraft) { draft.once(\.platform, self, "platform") }
}
extension SLA: SpecSection {
    /// Sets the spec's SLA (SPEC004 when given twice).
    public func place(in draft: inout SpecDraft) { draft.once(\.sla, self, "sla") }
}
extension Service: SpecSection {
    /// Adds the service to the spec's services.
    public func place(in draft: inout SpecDraft) { draft.services.append(self) }
}
extension Database: SpecSection {
    /// Adds the database to the spec's databases.
    public func place(in draft: inout SpecDraft) { draft.databases.append(self) }
}
extension ExternalEndpoint: SpecSection {
    /// Adds the endpoint to the spec's `external` list.
    public func place(in draft: inout SpecDraft) { draft.external.append(self) }
}
extension Route: SpecSection {
    /// Adds the route to the spec's public `routes`, in order.
    public func place(in draft: inout SpecDraft) { draft.routes.append(self) }
}
extension Suppression: SpecSection {
    /// Adds the accepted warning to the spec's `suppressions`.
    public func place(in draft: inout SpecDraft) { draft.suppressions.append(self) }
}
extension Observability: SpecSection {
    /// Sets the spec's observability (SPEC004 when given twice).
    public func place(in draft: inout SpecDraft) { draft.once(\.observability, self, "observability") }
}
extension Caching: SpecSection {
    /// Sets the spec's caching (SPEC004 when given twice).
    public func place(in draft: inout SpecDraft) { draft.once(\.caching, self, "caching") }
}
extension Chaos: SpecSection {
    /// Sets the spec's chaos (SPEC004 when given twice).
    public func place(in draft: inout SpecDraft) { draft.once(\.chaos, self, "chaos") }
}
extension Regions: SpecSection {
    /// Sets the spec's regions (SPEC004 when given twice).
    public func place(in draft: inout SpecDraft) { draft.once(\.regions, self, "regions") }
}
extension Benchmarks: SpecSection {
    /// Sets the spec's benchmarks (SPEC004 when given twice).
    public func place(in draft: inout SpecDraft) { draft.once(\.benchmarks, self, "benchmarks") }
}
