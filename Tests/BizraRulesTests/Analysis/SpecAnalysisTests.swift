import BizraRules
import BizraSpec
import Testing

/// Rules reading the shared analysis find exactly what they find on their own.
@Suite struct SpecAnalysisTests {
    static let rules = RuleCatalogue.all.map { $0.init() }

    @Test("with the analysis shared or not, every rule gives the same findings on its triggering examples")
    func sharedAnalysisChangesNothing() throws {
        for rule in Self.rules {
            for example in type(of: rule).triggeringExamples {
                guard case .overlay(let yaml) = example.source,
                      let spec = try? SpecLoader().loadReference(overlay: ("example.yaml", yaml)) else { continue }
                #expect(rule.check(spec) == rule.check(spec, with: SpecAnalysis(spec)), "\(type(of: rule).identifier)")
            }
        }
    }

    @Test("the analysis holds every query of the spec, parsed, and the declared series")
    func contents() throws {
        let spec = try SpecLoader().loadReference()
        let analysis = SpecAnalysis(spec)
        let triggers = spec.services.flatMap { $0.autoscaling?.triggers ?? [] }.filter {
            if case .prometheus = $0.kind { true } else { false }
        }
        #expect(analysis.queries.count == triggers.count + (spec.observability?.alerts.count ?? 0))
        #expect(analysis.queries.allSatisfy { if case .success = $0.parsed { true } else { false } })
        let histogram = try #require(spec.services.flatMap(\.metrics).first { $0.type == .histogram })
        guard case .declared(let declared) = analysis.metrics.resolve(histogram.name + "_bucket") else {
            Issue.record("\(histogram.name)_bucket is not declared")
            return
        }
        #expect(declared.labels.contains("le"))
    }
}
