import Foundation
import Testing

/// `build --templates DIR`: a file in DIR replaces the built-in template of the same name; a
/// template that does not parse stops the build before anything is written.
@Suite struct TemplateOverrideTests {
    let specs = CLIRunner.projectRoot.appendingPathComponent("specs")
    let builtIn = CLIRunner.projectRoot.appendingPathComponent("templates")

    func overrides(_ files: [String: String], in folder: URL) throws -> URL {
        let templates = folder.appendingPathComponent("my-templates")
        for (name, text) in files {
            let file = templates.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return templates
    }

    @Test func anOverriddenTemplateReplacesOnlyItsOwnFile() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLIRunner.run(["build", "--spec", specs.path, "--out", "plain"], in: folder).status == 0)
        let vcl = try String(contentsOf: builtIn.appendingPathComponent("varnish/default.vcl.mustache"), encoding: .utf8)
        let templates = try overrides(["varnish/default.vcl.mustache": "# house header\n" + vcl], in: folder)
        let build = try CLIRunner.run(["build", "--spec", specs.path, "--out", "custom", "--templates", templates.path], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        let plain = folder.appendingPathComponent("plain/production"), custom = folder.appendingPathComponent("custom/production")
        let customVCL = try String(contentsOf: custom.appendingPathComponent("varnish/default.vcl"), encoding: .utf8)
        #expect(customVCL.hasPrefix("# house header\n"))
        for path in ["k6/latency.js", "bench/run-benchmarks.sh", "clusters/us-east-1/k8s/03-workloads.yaml"] {
            #expect(try Data(contentsOf: plain.appendingPathComponent(path)) == Data(contentsOf: custom.appendingPathComponent(path)), "\(path)")
        }
    }

    @Test func aTemplateThatDoesNotParseStopsTheBuildAndWritesNothing() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = try overrides(["k6/scenario.js.mustache": "{{#scenario}} never closed\n"], in: folder)
        let build = try CLIRunner.run(["build", "--spec", specs.path, "--templates", templates.path], in: folder)
        #expect(build.status == 2)
        #expect(build.stderr.contains("error:"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
