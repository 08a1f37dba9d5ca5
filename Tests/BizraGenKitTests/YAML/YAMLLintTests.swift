import Foundation
import Testing
@testable import BizraGenKit

@Suite("YAML output passes yamllint")
struct YAMLLintTests {
    @Test("yamllint -d relaxed finds no error", .enabled(if: ExternalTool.isOnPath("yamllint"), "yamllint is not on PATH (apt-get install -y yamllint)"))
    func relaxed() throws {
        let strings = YAMLQuotingTests.plain + YAMLQuotingTests.quoted.map(\.0) + YAMLLiteralTests.multiLine
        let tricky: YAMLValue = [
            "values": .list(strings.map(YAMLValue.string)),
            "keys": .map(YAMLMap(strings.enumerated().map { (key: $0.element, value: .int($0.offset)) })),
            "numbers": [1, 0.0001, 1e300, .double(-.infinity), .double(.nan), true, .null],
            "long": .map(YAMLMap([(key: String(repeating: "k", count: 1100), value: ["x": "a\nb\n"] as YAMLValue)])),
        ]
        let manifest = ManifestFile(path: "k8s/test.yaml", objects: [
            KubernetesObject(apiVersion: "v1", kind: "ConfigMap", name: "tricky", namespace: "ns",
                             labels: ["app": "x"], body: ["data": ["script": "#!/bin/sh\nset -eu\n\n  echo ok\n"]]),
        ]).render()
        let stream = YAMLWriter.stream(header: "header", documents: [YAMLWriterTests.deployment, tricky]) + ""
        for text in [manifest, stream] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("yamllint-\(UUID().uuidString).yaml")
            try Data(text.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try ExternalTool.run("yamllint", ["-d", "relaxed", "-f", "parsable", file.path])
            #expect(result.status == 0, "\(result.output)")
            #expect(!result.output.contains("[error]"), "\(result.output)")
        }
    }
}
