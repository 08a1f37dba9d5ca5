import BizraTestSupport
import BizraSpec
import Foundation
@testable import BizraGenKit

/// The reference platform, loaded from the design's reference spec (or the project's specs/),
/// and helpers to find objects in planned output.
enum ReferenceSpecFixture {
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

    static var context: PlanContext { PlanContext(spec: spec) }
}

extension Array where Element == KubernetesObject {
    /// The object of that kind and name.
    func object(_ kind: String, _ name: String) -> KubernetesObject? {
        first { $0.kind == kind && $0.name == name }
    }
}

extension KubernetesObject {
    /// A field of the body by path: `spec.template.spec`.
    func field(_ path: String) -> YAMLValue? {
        var value: YAMLValue? = .map(body)
        for part in path.split(separator: ".") {
            if let index = Int(part) { value = value?[index] } else { value = value?[String(part)] }
        }
        return value
    }

    /// A key of a ConfigMap's `data` (keys hold dots, so not a `field` path).
    func data(_ key: String) -> String? { body["data"]?[key]?.stringValue }

    /// A container of the pod template by name.
    func container(_ name: String) -> YAMLValue? {
        field("spec.template.spec.containers")?.listValue?.first { $0["name"]?.stringValue == name }
    }
}

/// Writes planned objects where validate-manifests can read them, and runs it when installed.
enum ManifestValidation {
    /// `$VALIDATE_MANIFESTS`, else the project's `.venv-validators`.
    static let tool = ProcessInfo.processInfo.environment["VALIDATE_MANIFESTS"]
        ?? ReferenceSpecFixture.repository.appendingPathComponent(".venv-validators/bin/validate-manifests").path

    /// nil when the validator is not installed; else its exit status and output.
    static func validate(_ file: ManifestFile, as name: String) throws -> (status: Int32, output: String)? {
        guard FileManager.default.isExecutableFile(atPath: tool) else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("planners-b-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name).path
        try file.render().write(toFile: path, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        // The shared reference spec still says 1.30, past its end of life: the output targets the
        // supported release nearest to it (KubernetesReleases), so that is the schema it must meet.
        process.arguments = ["--k8s-version", KubernetesReleases.nearest(to: ReferenceSpecFixture.spec.platform.kubernetesVersion).minor, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}

/// Runs the command-line tools the 06/07 tests check output with, when they are installed.
enum PlannerTool {
    /// The executable's path on PATH (or /usr/sbin), or nil.
    static func find(_ name: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/sbin:/usr/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `executable` with `arguments` and `input` on stdin; its exit status and stdout plus stderr.
    static func run(_ executable: String, _ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
