import BizraTestSupport
import BizraSpec
import Foundation
import Testing
@testable import BizraGenKit

/// Each OUT rule's examples are its tests: a planned object broken on purpose is caught, the
/// reference platform as planned is not; and no committed spec triggers any OUT rule.
@Suite struct OutputRuleExamplesTests {
    static let repository = Repository.root

    static let rules: [any OutputRule.Type] = OutputRuleCatalogue.all

    /// The OUT family in order, then SEC003, the guard that reads the planned pod templates.
    @Test func theCatalogueIsOUT001ToOUT009InOrderThenSEC003() {
        #expect(Self.rules.map { $0.identifier } == (1...9).map { "OUT00\($0)" } + ["SEC003"])
    }

    @Test(arguments: OutputRuleCatalogue.all.map { $0.identifier })
    func everyTriggeringExampleIsCaught(_ identifier: String) throws {
        let rule = try #require(OutputRuleCatalogue.rule(identifier))
        #expect(!rule.triggeringExamples.isEmpty)
        for example in rule.triggeringExamples {
            let findings = try example.findings(of: rule.init())
            #expect(findings.contains { $0.rule == identifier }, "\(identifier) missed: \(example.description)")
            #expect(findings.allSatisfy { $0.message.hasPrefix("cluster ") }, "a finding names its cluster, file and object")
        }
    }

    @Test(arguments: OutputRuleCatalogue.all.map { $0.identifier })
    func noNonTriggeringExampleIsCaught(_ identifier: String) throws {
        let rule = try #require(OutputRuleCatalogue.rule(identifier))
        for example in rule.nonTriggeringExamples {
            let findings = try example.findings(of: rule.init())
            #expect(findings.isEmpty, "\(identifier) on \(example.description): \(findings.map(\.description))")
        }
    }

    @Test(arguments: ["specs", "specs:staging", "tests/fixtures/variant", "tests/fixtures/ledger", "starters/minimal"])
    func noCommittedSpecTriggersAnOUTRule(_ source: String) throws {
        let parts = source.split(separator: ":").map(String.init)
        let spec = try SpecLoader().load(path: Self.repository.appendingPathComponent(parts[0]).path,
                                         environment: parts.count > 1 ? parts[1] : nil)
        let findings = OutputChecker().check(try BuildPipeline().plannedPlatform(spec))
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    }

    /// A planner whose object refers to nothing: the build plans it, the OUT rules stop it.
    struct BrokenPlanner: ManifestPlanner {
        var fileName = "03-workloads.yaml"
        func objects(for context: PlanContext) -> [KubernetesObject] {
            [KubernetesObject(apiVersion: "v1", kind: "Service", name: "orphan", namespace: context.namespace,
                              body: ["spec": ["selector": ["app.kubernetes.io/name": "nobody"], "ports": [["port": 80]]]])]
        }
    }

    @Test func aBuildWithAnOUTErrorFailsBeforeWritingAnything() throws {
        let spec = try SpecLoader().loadReference()
        let pipeline = BuildPipeline(manifests: PlannerRegistry.manifests + [BrokenPlanner()])
        #expect(throws: OutputCheckFailure.self) { try pipeline.plan(spec) }
        do {
            _ = try pipeline.plan(spec)
        } catch let failure as OutputCheckFailure {
            let finding = try #require(failure.findings.first)
            #expect(finding.rule == "OUT003")
            #expect(finding.message.contains("03-workloads.yaml: Service bizra-production/orphan: its selector selects no pod"))
        }
    }

    @Test func aFindingPointsAtTheSpecLineTheObjectCameFrom() throws {
        let rule = AutoscaledReplicas()
        let findings = try AutoscaledReplicas.triggeringExamples[0].findings(of: rule)
        let location = try #require(findings.first?.location)
        #expect(location.file.hasSuffix("services.yaml"))
    }
}
