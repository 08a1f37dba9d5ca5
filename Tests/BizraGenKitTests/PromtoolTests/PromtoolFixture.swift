import BizraTestSupport
import BizraSpec
import Foundation
@testable import BizraGenKit

/// Specs and a promtool runner for the tests of ``PromtoolTestRenderer``.
enum PromtoolFixture {
    static let repository = Repository.root

    /// The reference platform, optionally overlaid.
    static func reference(overlay: String? = nil) throws -> Spec {
        try SpecLoader().loadReference(overlay: overlay.map { (file: "overlay.yaml", text: $0) })
    }

    /// The conformance variant (tests/fixtures/variant): other names, namespace and SLA.
    static func variant() throws -> Spec {
        try SpecLoader().load(path: repository.appendingPathComponent("tests/fixtures/variant").path)
    }

    static func render(_ spec: Spec) throws -> [String: String] {
        try PromtoolTestRenderer().render(PlanContext(spec: spec))
    }

    /// `promtool` on PATH, if any.
    static let promtool: String? = ["/usr/bin/promtool", "/usr/local/bin/promtool", "/bin/promtool"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `promtool test rules` on the two files written to a fresh folder.
    static func promtoolTest(rules: String, tests: String) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("promtool-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try rules.write(to: folder.appendingPathComponent("sla-rules.yaml"), atomically: true, encoding: .utf8)
        let testFile = folder.appendingPathComponent("sla-rules.test.yaml")
        try tests.write(to: testFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: promtool!)
        process.arguments = ["test", "rules", testFile.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
