import BizraSpec
import Foundation
import Testing
@testable import BizraGenCLI

/// JSON and SARIF carry a DSL finding's Swift location as they carry a YAML one's.
@Suite struct DSLDiagnosticFormatTests {
    let line = #line + 1
    let service = Service(name: "web", image: "ghcr.io/example/web:1.0.0", ports: [],
                          resources: Resources(requests: .init(cpu: .millicores(100), memory: .mebibytes(128)),
                                               limits: .init(cpu: .millicores(500), memory: .mebibytes(256))),
                          probes: Probes(readiness: Probe(.exec(command: ["true"])), liveness: Probe(.exec(command: ["true"]))))
    var finding: Finding {
        Finding(rule: "REF001", message: "dependsOn entry 'postgress' of web is not declared", at: service.source.node,
                notes: [.init("'postgres' is declared here", at: service.resources.source.node)])
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonCarriesTheSwiftLocation() throws {
        let diagnostics = try #require(try object(JSONDiagnostics.render([finding]))["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["file"] as? String == #fileID)
        #expect(diagnostics.first?["line"] as? Int == line)
        #expect(diagnostics.first?["column"] as? Int == 26)
        let note = try #require((diagnostics.first?["notes"] as? [[String: Any]])?.first)
        #expect(note["line"] as? Int == line + 1)
    }

    @Test func sarifCarriesTheSwiftLocation() throws {
        let runs = try #require(try object(SARIFDiagnostics.render([finding]))["runs"] as? [[String: Any]])
        let result = try #require((runs.first?["results"] as? [[String: Any]])?.first)
        let physical = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == #fileID)
        #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == line)
        let related = try #require((result["relatedLocations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((related["region"] as? [String: Any])?["startLine"] as? Int == line + 1)
    }
}
