import Foundation

/// The real tools some tests run (k6, promtool, shellcheck): found in the validators' venv or on
/// PATH. Tests that need one are enabled by ``isInstalled(_:)``, so a missing tool shows as a
/// skipped test with its reason, never a silent pass; in CI (`CI` set), where `make test`
/// installs every tool first, ``CIRequiresEveryTool`` makes a missing one a failure instead.
public enum Tools {
    /// The executable `name`, or nil.
    public static func path(_ name: String) -> String? {
        let venv = Repository.root.appendingPathComponent(".venv-validators/bin/\(name)").path
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
            return "\(directory)/\(name)"
        }
        return nil
    }

    /// Whether a test that runs `name` can run here: the tool is installed, or this is CI (where
    /// the test then runs and fails on the missing tool).
    public static func isInstalled(_ name: String) -> Bool { path(name) != nil || isCI }

    /// Whether this is CI, where every tool must be installed.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }
}
