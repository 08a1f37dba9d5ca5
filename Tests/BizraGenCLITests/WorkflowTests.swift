import Foundation
import Testing

/// The pull-request workflow from the command line: the drift gate object by object, diff,
/// environments, schema, graph, report and shell completions.
@Suite struct WorkflowTests {
    let specs = CLIRunner.projectRoot.appendingPathComponent("specs")
    let fixtures = CLIRunner.projectRoot.appendingPathComponent("Tests/BizraGenKitTests/Report/Fixtures")

    func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    /// A copy of the project's specs/ (with environments/) in `folder`, editable.
    func copySpecs(into folder: URL) throws -> URL {
        let copy = folder.appendingPathComponent("specs")
        try FileManager.default.copyItem(at: specs, to: copy)
        return copy
    }

    func edit(_ file: URL, _ from: String, _ to: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(from), "\(file.lastPathComponent) has no '\(from)'")
        try text.replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func checkReportsDriftObjectByObject() throws {
        try withFolder { folder in
            let specs = try copySpecs(into: folder)
            #expect(try CLIRunner.run(["build"], in: folder).status == 0)
            try edit(specs.appendingPathComponent("services.yaml"), "ghcr.io/bizra/node:v2.2.0", "ghcr.io/bizra/node:v2.3.0")
            let check = try CLIRunner.run(["build", "--check"], in: folder)
            #expect(check.status == 1)
            #expect(check.stderr.contains("out/production is stale"))
            #expect(check.stderr.contains("~ Deployment.apps bizra-production/bizra-node0"), "\(check.stderr)")
            #expect(check.stderr.contains(#"spec.template.spec.containers[name=bizra-node0].image: "ghcr.io/bizra/node:v2.2.0" -> "ghcr.io/bizra/node:v2.3.0""#))
            #expect(check.stderr.contains("clusters/us-east-1/k8s/03-workloads.yaml"), "names the cluster of the change")
            #expect(check.stderr.contains("clusters/ap-northeast-1/k8s/03-workloads.yaml"))
            #expect(!check.stderr.contains("\u{1B}["), "plain text off a terminal")
        }
    }

    @Test func allEnvsWritesAndChecksEveryEnvironment() throws {
        try withFolder { folder in
            let specs = try copySpecs(into: folder)
            let build = try CLIRunner.run(["build", "--all-envs"], in: folder)
            #expect(build.status == 0, "\(build.stderr)")
            for environment in ["production", "staging"] {
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/\(environment)/clusters/us-east-1/k8s/kustomization.yaml").path))
            }
            let staging = try String(contentsOf: folder.appendingPathComponent("out/staging/clusters/us-east-1/k8s/01-namespaces.yaml"), encoding: .utf8)
            #expect(staging.contains("bizra-staging"))
            #expect(try CLIRunner.run(["build", "--all-envs", "--check"], in: folder).status == 0)
            try edit(specs.appendingPathComponent("environments/staging.yaml"), "replicas: 2\n", "replicas: 3\n")
            let check = try CLIRunner.run(["build", "--all-envs", "--check"], in: folder)
            #expect(check.status == 1)
            #expect(check.stderr.contains("out/production is up to date"))
            #expect(check.stderr.contains("out/staging is stale"))
            #expect(try CLIRunner.run(["build", "--all-envs", "--env", "staging"], in: folder).status == 2)
        }
    }

    @Test func diffComparesTreesAndFreshBuilds() throws {
        try withFolder { folder in
            let specs = try copySpecs(into: folder)
            #expect(try CLIRunner.run(["build", "--out", "old"], in: folder).status == 0)
            let same = try CLIRunner.run(["diff", "--against-build", "old/production"], in: folder)
            #expect(same.status == 0 && same.stdout.contains("no differences"), "\(same.stderr)")
            try edit(specs.appendingPathComponent("services.yaml"), "ghcr.io/bizra/node:v2.2.0", "ghcr.io/bizra/node:v2.3.0")
            try edit(specs.appendingPathComponent("caching.yaml"), "ttl: 5m }", "ttl: 10m }")
            #expect(try CLIRunner.run(["build", "--out", "new"], in: folder).status == 0)
            let diff = try CLIRunner.run(["diff", "old/production", "new/production"], in: folder)
            #expect(diff.status == 1)
            #expect(diff.stdout.contains("~ Deployment.apps bizra-production/bizra-node0"), "\(diff.stdout)")
            #expect(diff.stdout.contains(#"spec.template.spec.containers[name=bizra-node0].image: "ghcr.io/bizra/node:v2.2.0" -> "ghcr.io/bizra/node:v2.3.0""#))
            #expect(diff.stdout.contains("~ varnish/default.vcl (+1 -1 lines)"))
            let json = try CLIRunner.run(["diff", "--against-build", "old/production", "--format", "json"], in: folder)
            #expect(json.status == 1)
            let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            #expect(object?["changed"] as? Bool == true)
            #expect(try CLIRunner.run(["diff", "old/production", "missing"], in: folder).status == 2)
            #expect(try CLIRunner.run(["diff", "old/production"], in: folder).status == 2)
        }
    }

    @Test func schemaIsJSONSchema2020() throws {
        let result = try CLIRunner.run(["schema"], in: CLIRunner.projectRoot)
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect((object?["properties"] as? [String: Any])?.keys.sorted().contains("services") == true)
    }

    @Test func graphInBothFormats() throws {
        let dot = try CLIRunner.run(["graph", "--spec", specs.path], in: CLIRunner.projectRoot)
        #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph"))
        let mermaid = try CLIRunner.run(["graph", "--spec", specs.path, "--env", "staging", "--format", "mermaid"], in: CLIRunner.projectRoot)
        #expect(mermaid.status == 0 && mermaid.stdout.hasPrefix("flowchart LR"))
        #expect(mermaid.stdout.contains("80%"), "staging weights")
        #expect(!mermaid.stdout.contains("paused"), "chaos runs in staging")
    }

    @Test func reportExitsOneWhenABlockingTargetIsMissed() throws {
        let passing = try CLIRunner.run(["report", "--spec", specs.path, fixtures.appendingPathComponent("latency.json").path],
                                        in: CLIRunner.projectRoot)
        #expect(passing.status == 0, "\(passing.stdout)\(passing.stderr)")
        #expect(passing.stdout.contains("| latency | p95 latency | < 100ms |"))
        let failing = try CLIRunner.run(["report", "--spec", specs.path, "--format", "json",
                                         fixtures.appendingPathComponent("throughput.json").path], in: CLIRunner.projectRoot)
        #expect(failing.status == 1)
        #expect(failing.stdout.contains(#""blockingMissed" : 1"#))
        let notK6 = try CLIRunner.run(["report", "--spec", specs.path, specs.appendingPathComponent("platform.yaml").path],
                                      in: CLIRunner.projectRoot)
        #expect(notK6.status == 2)
    }

    @Test func helpTeachesAndCompletionsExist() throws {
        func output(_ arguments: [String]) throws -> (all: String, stdout: String) {
            let result = try CLIRunner.run(arguments, in: CLIRunner.projectRoot)
            #expect(result.status == 0)
            return (result.stdout + result.stderr, result.stdout)
        }
        let help = try output(["--help"]).all
        let commands = ["init", "validate", "build", "diff", "graph", "report", "schema", "rules", "explain"]
        for command in commands {
            #expect(help.contains("  \(command)"), "\(command) in --help")
        }
        for command in commands {
            let text = try output([command, "--help"]).all
            #expect(text.contains("Examples:\n") && text.contains("  bizra-gen \(command)"), "\(command) --help shows examples")
            let examples = text.components(separatedBy: "Examples:\n").dropFirst().first?
                .split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty } ?? []
            #expect(examples.allSatisfy { $0.hasPrefix("  ") }, "\(command): an example wider than the help wraps")
        }
        #expect(help.contains("Examples:"))
        for shell in ["bash", "zsh", "fish"] {
            let script = try output(["--generate-completion-script", shell])
            #expect(script.all.contains("bizra-gen") && script.all.contains("against-build") && script.all.contains("all-envs"))
            #expect(script.stdout.contains("against-build"), "completion scripts go to stdout, so they can be redirected")
        }
    }
}
