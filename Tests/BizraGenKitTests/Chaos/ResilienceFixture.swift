import BizraTestSupport
import BizraSpec
import Foundation
import Testing
@testable import BizraGenKit

/// The reference platform for the chaos, multi-region and load-test tests, the tools their output
/// must satisfy, and helpers to reach into planned objects.
enum ResilienceFixture {
    static let repository = Repository.root

    /// `$BIZRA_SHARED/design/reference-spec.yaml` (default `../shared`), else the project's specs/.
    static let spec: Spec = {
        let shared = ProcessInfo.processInfo.environment["BIZRA_SHARED"]
            ?? repository.deletingLastPathComponent().appendingPathComponent("shared").path
        let reference = "\(shared)/design/reference-spec.yaml"
        let path = FileManager.default.fileExists(atPath: reference) ? reference : repository.appendingPathComponent("specs").path
        do {
            return try SpecLoader().load(path: path)
        } catch {
            fatalError("cannot load the reference spec at \(path): \(error)")
        }
    }()

    /// The object of that kind and name.
    static func find(_ objects: [KubernetesObject], _ kind: String, _ name: String) -> KubernetesObject? {
        objects.first { $0.kind == kind && $0.name == name }
    }

    /// A value by dotted path (`spec.templates.0.name`) under the object's body.
    static func value(_ object: KubernetesObject?, _ path: String) -> YAMLValue? {
        guard let object else { return nil }
        var value: YAMLValue? = .map(object.body)
        for part in path.split(separator: ".") {
            if let index = Int(part) { value = value?[index] } else { value = value?[String(part)] }
        }
        return value
    }

    /// The reference platform without its ihsan score (and the workflow's minimum that needs it).
    static var withoutIhsanScore: Spec {
        var spec = self.spec
        spec.sla.ihsanScore = nil
        spec.chaos?.workflow?.verify = nil
        return spec
    }

    /// The executable `name` from the validators' venv or PATH; nil (with the reason printed) when
    /// absent. In CI (`CI` set), where `make test` installs every tool first, an absent tool is a
    /// failure of the test that needs it, never a silent pass.
    static func tool(_ name: String) -> String? {
        if let path = Tools.path(name) { return path }
        let reason = "\(name) is not installed (make tools installs it)"
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("\(reason): CI runs every tool check")
        } else {
            print("skipped: \(reason)")
        }
        return nil
    }

    /// Runs `executable` with `arguments` (and `environment` added); returns its status and combined output.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// A fresh scratch folder, removed by `cleanup`.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planners-c-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` in `directory` and returns its path.
    @discardableResult
    static func write(_ text: String, _ name: String, in directory: URL, executable: Bool = false) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
        return url.path
    }

    /// The tool `name`, or an error saying it is missing (tests that need one are enabled by ``Tools/isInstalled(_:)``).
    static func required(_ name: String) throws -> String {
        try #require(tool(name), "\(name) is not installed: run make tools")
    }

    /// shellcheck's verdict on `script`.
    static func shellcheck(_ script: String) throws -> (status: Int32, output: String) {
        let shellcheck = try required("shellcheck")
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try write(script, "script.sh", in: directory)
        return try run(shellcheck, [path])
    }

    /// validate-manifests on the file of `objects`.
    static func validate(_ objects: [KubernetesObject], as name: String) throws -> (status: Int32, output: String) {
        let validator = try required("validate-manifests")
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = ManifestFile(path: "k8s/\(name)", objects: objects).render()
        if let keep = ProcessInfo.processInfo.environment["BIZRA_RESILIENCE_RENDER_DIR"] {
            try write(text, name, in: URL(fileURLWithPath: keep))
        }
        let path = try write(text, name, in: directory)
        return try run(validator, ["--k8s-version", KubernetesReleases.nearest(to: spec.platform.kubernetesVersion).minor, path])
    }

    /// `promtool check rules` on a PrometheusRule's spec.
    static func checkRules(_ rule: KubernetesObject) throws -> (status: Int32, output: String) {
        let promtool = try required("promtool")
        let spec = try #require(value(rule, "spec"))
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try write(YAMLWriter.document(spec), "rules.yml", in: directory)
        return try run(promtool, ["check", "rules", path])
    }
}
