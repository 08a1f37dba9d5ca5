import Foundation
import Testing

/// In CI every test that checks output with a real tool must run: `make test` installs the tools
/// before the unit tests (`make tools`), and a missing one fails here rather than letting the tests
/// that need it pass without checking anything.
@Suite struct ToolsInstalledTests {
    static let inCI = ProcessInfo.processInfo.environment["CI"] != nil

    @Test(.enabled(if: inCI, "outside CI a missing tool is reported by the test that needs it"))
    func everyToolTheTestsUseIsInstalled() {
        for name in ["shellcheck", "promtool", "validate-manifests", "python"] {
            #expect(ResilienceFixture.tool(name) != nil, "\(name) is not installed: run make tools")
        }
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset"), "taskset (util-linux) is not installed")
    }
}
