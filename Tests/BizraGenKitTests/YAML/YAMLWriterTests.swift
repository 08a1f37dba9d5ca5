import Foundation
import Testing
@testable import BizraGenKit

@Suite("YAML writer layout")
struct YAMLWriterTests {
    static let deployment: YAMLValue = [
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": ["name": "api", "labels": ["app": "api"]],
        "spec": [
            "replicas": 3,
            "template": [
                "spec": [
                    "containers": [
                        [
                            "name": "api",
                            "image": "ghcr.io/bizra/node:v2.2.0",
                            "args": ["--port", "8080"],
                            "ports": [["containerPort": 8080, "protocol": "TCP"]],
                            "env": [],
                            "resources": [:],
                        ],
                    ],
                    "nodeSelector": .null,
                ],
            ],
            "ratio": 0.5,
            "paused": false,
            "matrix": [[1, 2], [], [3]],
        ],
    ]

    @Test("nested maps and lists in block style with two-space indentation")
    func layout() {
        #expect(YAMLWriter.document(Self.deployment) == """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
              labels:
                app: api
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                    - name: api
                      image: ghcr.io/bizra/node:v2.2.0
                      args:
                        - "--port"
                        - "8080"
                      ports:
                        - containerPort: 8080
                          protocol: TCP
                      env: []
                      resources: {}
                  nodeSelector: null
              ratio: 0.5
              paused: false
              matrix:
                - - 1
                  - 2
                - []
                - - 3

            """)
    }

    @Test("top-level lists, scalars and empty collections")
    func topLevel() {
        #expect(YAMLWriter.document(["a", ["b": 1]]) == "- a\n- b: 1\n")
        #expect(YAMLWriter.document([:]) == "{}\n")
        #expect(YAMLWriter.document([]) == "[]\n")
        #expect(YAMLWriter.document(42) == "42\n")
        #expect(YAMLWriter.document(.null) == "null\n")
    }

    @Test("keys keep insertion order")
    func keyOrder() {
        var map: YAMLMap = ["zeta": 1, "alpha": 2]
        map["mid"] = 3
        map["zeta"] = 4
        #expect(YAMLWriter.document(.map(map)) == "zeta: 4\nalpha: 2\nmid: 3\n")
    }

    @Test("stream: header comments, then each document after ---")
    func stream() {
        let text = YAMLWriter.stream(header: "Generated.\n\nDo not edit. ", documents: [["a": 1] as YAMLValue, ["b": [2]]])
        #expect(text == "# Generated.\n#\n# Do not edit.\n---\na: 1\n---\nb:\n  - 2\n")
        #expect(YAMLWriter.stream(header: "", documents: []) == "")
    }

    @Test("keys past the implicit-key limit are written as explicit keys")
    func longKey() throws {
        let key = String(repeating: "k", count: 1100)
        let text = YAMLWriter.document(.map(YAMLMap([(key: key, value: ["x": 1] as YAMLValue), (key: "short", value: "v")])))
        #expect(text == "? \(key)\n:\n  x: 1\nshort: v\n")
    }

    @Test("output is LF-only and ends with a line break")
    func lineEnds() {
        let text = YAMLWriter.document(Self.deployment)
        #expect(!text.unicodeScalars.contains("\r"))
        #expect(text.hasSuffix("\n"))
    }
}
