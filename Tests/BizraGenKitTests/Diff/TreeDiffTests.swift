import BizraGenKit
import Foundation
import Testing

/// The semantic diff a reviewer reads: objects by identity, fields by YAML path, formatting ignored.
@Suite struct TreeDiffTests {
    func tree(_ files: [String: String]) -> OutputTree {
        OutputTree(files: files.mapValues { Data($0.utf8) })
    }

    let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: bizra-node0
          namespace: bizra-production
        spec:
          replicas: 3
          template:
            spec:
              containers:
                - name: bizra-node0
                  image: ghcr.io/bizra/node:v2.2.0
                  ports: [{ name: http, containerPort: 8080 }]
                - name: sidecar
                  image: busybox:1.36
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: bizra-node0, namespace: bizra-production }
        spec: { ports: [{ name: http, port: 80 }] }
        """

    @Test func sameMeaningInAnotherFormatIsNoChange() {
        let reformatted = """
            # a comment, flow style, keys reordered, quotes
            kind: "Service"
            apiVersion: v1
            metadata: {namespace: bizra-production, name: "bizra-node0"}
            spec:
              ports:
                - port: 80
                  name: http
            ---
            metadata: { namespace: bizra-production, name: bizra-node0 }
            kind: Deployment
            apiVersion: apps/v1
            spec:
              template: { spec: { containers: [
                { name: bizra-node0, image: "ghcr.io/bizra/node:v2.2.0", ports: [{ containerPort: 8080, name: http }] },
                { image: "busybox:1.36", name: sidecar } ] } }
              replicas: 3
            """
        let diff = TreeDiff(old: tree(["k8s/03.yaml": deployment]), new: tree(["k8s/03.yaml": reformatted]))
        #expect(diff.isEmpty)
        #expect(diff.files.map(\.formattingOnly) == [true])
        #expect(TreeDiffText().render(diff) == "no differences")
    }

    @Test func theSameObjectInEachClusterIsMatchedInItsOwnCluster() {
        let changed = deployment.replacingOccurrences(of: "replicas: 3", with: "replicas: 4")
        let old = tree(["clusters/us-east-1/k8s/03.yaml": deployment, "clusters/eu-west-1/k8s/03.yaml": deployment])
        let new = tree(["clusters/us-east-1/k8s/03.yaml": deployment, "clusters/eu-west-1/k8s/03.yaml": changed])
        let diff = TreeDiff(old: old, new: new)
        #expect(diff.objects.map(\.identity.cluster) == ["eu-west-1"], "a change in one cluster is that cluster's alone")
        #expect(diff.objects.first?.change == .changed && diff.objects.first?.movedFrom == nil)
        let text = TreeDiffText().render(diff)
        #expect(text.contains("~ Deployment.apps bizra-production/bizra-node0 in cluster eu-west-1"), "\(text)")
        let removed = TreeDiff(old: old, new: tree(["clusters/us-east-1/k8s/03.yaml": deployment]))
        #expect(removed.objects.map { "\($0.change) \($0.identity.cluster)" } == ["removed eu-west-1", "removed eu-west-1"])
    }

    @Test func fieldChangesCarryYAMLPathsAndMatchListItemsByName() {
        let changed = deployment
            .replacingOccurrences(of: "replicas: 3", with: "replicas: 4")
            .replacingOccurrences(of: "node:v2.2.0", with: "node:v2.3.0")
            .replacingOccurrences(of: "\n        - name: sidecar\n          image: busybox:1.36", with: "")
        let diff = TreeDiff(old: tree(["k8s/03.yaml": deployment]), new: tree(["k8s/03.yaml": changed]))
        let object = try! #require(diff.objects.first)
        #expect(diff.objects.count == 1)
        #expect(object.identity == ObjectIdentity(group: "apps", kind: "Deployment", namespace: "bizra-production", name: "bizra-node0"))
        #expect(object.fields.map(\.path) == ["spec.replicas", "spec.template.spec.containers[name=bizra-node0].image",
                                              "spec.template.spec.containers[name=sidecar]"])
        #expect(object.fields.map(\.kind) == [.changed, .changed, .removed])
        let text = TreeDiffText().render(diff)
        #expect(text.contains("~ Deployment.apps bizra-production/bizra-node0"))
        #expect(text.contains(#"spec.template.spec.containers[name=bizra-node0].image: "ghcr.io/bizra/node:v2.2.0" -> "ghcr.io/bizra/node:v2.3.0""#))
        #expect(text.contains("- spec.template.spec.containers[name=sidecar]: {"))
        #expect(!text.contains("\u{1B}["), "plain unless asked for colour")
        #expect(TreeDiffText(color: true).render(diff).contains("\u{1B}[32m"))
    }

    @Test func objectsAreMatchedAcrossFilesAndAddedOrRemovedByIdentity() {
        let service = "apiVersion: v1\nkind: Service\nmetadata: { name: a, namespace: n }\nspec: { type: ClusterIP }\n"
        let other = "apiVersion: v1\nkind: Service\nmetadata: { name: b, namespace: n }\n"
        let diff = TreeDiff(old: tree(["k8s/01.yaml": service + "---\n" + other]),
                            new: tree(["k8s/02.yaml": service, "k8s/03.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, namespace: n }\n"]))
        let byName = Dictionary(uniqueKeysWithValues: diff.objects.map { ($0.identity.name, $0) })
        #expect(byName["a"]?.change == .changed && byName["a"]?.movedFrom == "k8s/01.yaml" && byName["a"]?.fields.isEmpty == true)
        #expect(byName["b"]?.change == .removed && byName["b"]?.file == "k8s/01.yaml")
        #expect(byName["c"]?.change == .added && byName["c"]?.file == "k8s/03.yaml")
        #expect(diff.summary == TreeDiff.Summary(added: 1, removed: 1, changed: 1, files: 0))
    }

    @Test func apiVersionBumpIsAChangeOfTheSameObject() {
        let old = "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata: { name: h, namespace: n }\n"
        let diff = TreeDiff(old: tree(["a.yaml": old]),
                            new: tree(["a.yaml": old.replacingOccurrences(of: "v2beta2", with: "v2")]))
        #expect(diff.objects.map(\.change) == [.changed])
        #expect(diff.objects.first?.fields.map(\.path) == ["apiVersion"])
    }

    @Test func otherFilesAreComparedLineByLine() {
        let diff = TreeDiff(old: tree(["varnish/default.vcl": "a\nttl = 5m;\nb\n"]),
                            new: tree(["varnish/default.vcl": "a\nttl = 10m;\nb\n", "k6/new.js": "x\n"]))
        #expect(diff.files.map(\.path) == ["k6/new.js", "varnish/default.vcl"])
        let vcl = diff.files[1]
        #expect(vcl.lines?.lines.map { "\($0.inserted ? "+" : "-")\($0.number) \($0.text)" } == ["-2 ttl = 5m;", "+2 ttl = 10m;"])
        #expect(TreeDiffText().render(diff).contains("~ varnish/default.vcl (+1 -1 lines)"))
    }

    @Test func keysThatAreNotIdentifiersAreBracketed() {
        let cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, namespace: n }\ndata:\n  rules.yaml: \"a\"\n"
        let diff = TreeDiff(old: tree(["a.yaml": cm]), new: tree(["a.yaml": cm.replacingOccurrences(of: "\"a\"", with: "\"b\"")]))
        #expect(diff.objects.first?.fields.first?.path == #"data["rules.yaml"]"#)
    }

    @Test func jsonFormHasTheObjectsAndFields() throws {
        let changed = deployment.replacingOccurrences(of: "replicas: 3", with: "replicas: 4")
        let object = TreeDiffJSON.object(TreeDiff(old: tree(["k8s/03.yaml": deployment]), new: tree(["k8s/03.yaml": changed])))
        let data = try JSONSerialization.data(withJSONObject: object)
        let decoded = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try #require(decoded["files"] as? [[String: Any]])
        let objects = try #require(files.first?["objects"] as? [[String: Any]])
        let fields = try #require(objects.first?["fields"] as? [[String: Any]])
        #expect(objects.first?["kind"] as? String == "Deployment")
        #expect(fields.first?["path"] as? String == "spec.replicas")
        #expect(fields.first?["old"] as? Int == 3 && fields.first?["new"] as? Int == 4)
        #expect(decoded["changed"] as? Bool == true)
    }
}
