import BizraGenKit
import BizraSpec
import Foundation
import Testing

/// The pipeline plans files on every core and writes long manifests in parts: the bytes must be
/// exactly those of one thread writing each file from start to end.
@Suite struct BuildPipelineTests {
    /// Many ConfigMaps, in an order unlike the output order, with multi-line and quoted values.
    struct ManyConfigMaps: ManifestPlanner {
        let fileName = "99-many.yaml"
        let count: Int

        func objects(for context: PlanContext) -> [KubernetesObject] {
            (0..<count).reversed().map { index in
                KubernetesObject(apiVersion: "v1", kind: index % 3 == 0 ? "Secret" : "ConfigMap", name: "item-\(index)",
                                 namespace: context.namespace, labels: ["index": "\(index)"],
                                 body: ["data": ["script": .string("line \(index)\nnext\n"), "flag": "yes"]])
            }
        }
    }

    struct Nothing: ManifestPlanner {
        let fileName = "98-nothing.yaml"
        func objects(for context: PlanContext) -> [KubernetesObject] { [] }
    }

    @Test("a manifest written in parts is byte for byte the manifest written whole", arguments: [1, 63, 64, 65, 1000])
    func partsJoinToTheWhole(count: Int) throws {
        let spec = try SpecLoader().loadReference()
        let planner = ManyConfigMaps(count: count)
        let tree = try BuildPipeline(manifests: [planner, Nothing()], artifacts: []).plan(spec)
        let whole = ManifestFile(path: "k8s/99-many.yaml", objects: planner.objects(for: PlanContext(spec: spec)))
        for cluster in PlanContext(spec: spec).clusters {
            let folder = BuildPipeline.manifestFolder(cluster: cluster)
            #expect(tree.files["\(folder)/99-many.yaml"] == Data(whole.render().utf8))
            #expect(tree.files["\(folder)/98-nothing.yaml"] == nil)
            let kustomization = String(decoding: try #require(tree.files["\(folder)/kustomization.yaml"]), as: UTF8.self)
            #expect(kustomization.contains("99-many.yaml") && !kustomization.contains("98-nothing.yaml"))
        }
    }

    /// Every third ConfigMap in one region only, the others everywhere.
    struct SomePlaced: ManifestPlanner {
        let fileName = "97-placed.yaml"
        let count: Int
        let region: String

        func objects(for context: PlanContext) -> [KubernetesObject] {
            (0..<count).map { index in
                let object = KubernetesObject(apiVersion: "v1", kind: "ConfigMap", name: "item-\(index)",
                                              namespace: context.namespace, body: ["data": ["index": .string("\(index)")]])
                return index % 3 == 0 ? object.placed(in: region) : object
            }
        }
    }

    @Test("each cluster's file holds exactly the objects placed there, in output order", arguments: [2, 64, 200])
    func placedObjectsGoToTheirClusters(count: Int) throws {
        let spec = try SpecLoader().loadReference()
        let planner = SomePlaced(count: count, region: "eu-west-1")
        let tree = try BuildPipeline(manifests: [planner], artifacts: []).plan(spec)
        let objects = planner.objects(for: PlanContext(spec: spec))
        for cluster in PlanContext(spec: spec).clusters {
            let expected = ManifestFile(path: "", objects: objects.filter { $0.placement.includes(cluster) }).render()
            #expect(tree.files["clusters/\(cluster)/k8s/97-placed.yaml"] == Data(expected.utf8), "\(cluster)")
        }
        let only = SomePlaced(count: 1, region: "eu-west-1")
        let single = try BuildPipeline(manifests: [only], artifacts: []).plan(spec)
        #expect(single.files["clusters/eu-west-1/k8s/97-placed.yaml"] != nil)
        #expect(single.files["clusters/us-east-1/k8s/97-placed.yaml"] == nil, "a file with nothing for a cluster is left out")
        let kustomization = String(decoding: try #require(single.files["clusters/us-east-1/k8s/kustomization.yaml"]), as: UTF8.self)
        #expect(!kustomization.contains("97-placed.yaml"))
    }

    @Test("monitorLabels go on every Prometheus Operator object, whichever planner wrote it, and on nothing else")
    func monitorLabelsReachEveryMonitorAndRule() throws {
        var spec = try SpecLoader().loadReference()
        spec.observability?.monitorLabels = ["release": "kube-prometheus-stack"]
        let platform = try BuildPipeline().plannedPlatform(spec)
        let objects = platform.clusters.flatMap { $0.objects.map(\.object) }
        let monitoring = objects.filter { $0.apiVersion.hasPrefix("monitoring.coreos.com/") }
        #expect(Set(monitoring.map(\.kind)) == ["ServiceMonitor", "PodMonitor", "PrometheusRule"])
        #expect(monitoring.allSatisfy { $0.labels["release"] == "kube-prometheus-stack" })
        #expect(objects.filter { !$0.apiVersion.hasPrefix("monitoring.coreos.com/") }.allSatisfy { $0.labels["release"] == nil })
    }

    @Test("names at the format's 40-character limit give objects Kubernetes accepts: long derived label values are shortened alike in labels and selectors")
    func namesAtTheirLimitBuild() throws {
        var spec = try SpecLoader().loadReference()
        let long = String(repeating: "abcdefghij", count: 4)
        let old = spec.databases[0].name
        spec.databases[0].name = long
        for index in spec.services.indices {
            spec.services[index].dependsOn = spec.services[index].dependsOn.map { $0 == old ? long : $0 }
        }
        if spec.regions?.replication.postgres.first?.source == old { spec.regions?.replication.postgres[0].source = long }
        let platform = try BuildPipeline().plannedPlatform(spec)
        #expect(OutputChecker().check(platform).isEmpty)
        let policy = try #require(platform.clusters[0].objects.first { $0.object.name == "allow-bizra-node0-to-\(long)-egress" }?.object)
        let label = try #require(policy.labels["app.kubernetes.io/name"])
        #expect(label.count == 63 && label.hasPrefix("allow-bizra-node0-to-abcdefghij") && label != policy.name)
        #expect(try BuildPipeline().plan(spec).files.count > 0)
    }

    @Test("planning the same spec again gives the same bytes")
    func repeatable() throws {
        let spec = try SpecLoader().loadReference()
        let first = try BuildPipeline().plan(spec)
        for _ in 0..<3 {
            #expect(try BuildPipeline().plan(spec) == first)
        }
    }

    @Test("a stream's header and its documents, written apart and joined, are the stream")
    func streamInParts() {
        let documents: [YAMLValue] = [["a": 1], ["b": ["c", "d\ne"]], "plain", [:]]
        let whole = YAMLWriter.streamBytes(header: "Header\nline two", documents: documents)
        for split in 0...documents.count {
            let joined = YAMLWriter.headerBytes("Header\nline two") + YAMLWriter.documentBytes(documents[..<split])
                + YAMLWriter.documentBytes(documents[split...])
            #expect(joined == whole)
        }
        #expect(String(decoding: whole, as: UTF8.self) == YAMLWriter.stream(header: "Header\nline two", documents: documents))
    }

    @Test("every planner runs on quantities at the limits of the format without a trap, checked or not")
    func quantitiesAtTheLimits() throws {
        let spec = try SpecLoader().loadReference(overlay: ("limits.yaml", """
            platform:
              quota:
                requests: { cpu: "1000000", memory: 1024Pi }
                limits: { cpu: "1000000", memory: 1024Pi }
                pods: 1000000000
            sla: { throughput: { peak: 1000000000rps, sustained: 1000000000rps }, latency: { p99: 36500d } }
            services:
              - name: bizra-node0
                replicas: 1000000000
                resources: { limits: { cpu: "1000000", memory: 1024Pi } }
            caching: { redis: { memoryPerNode: 1024Pi }, varnish: { memory: 1024Pi, replicas: 1000000000 } }
            benchmarks:
              scenarios:
                - { name: latency, rate: 1000000000rps, duration: 36500d }
            """))
        let tree = try BuildPipeline().plan(spec)
        #expect(tree.files.count == 51)
        let redis = String(decoding: try #require(tree.files["clusters/eu-west-1/k8s/07-performance-optimization.yaml"]), as: UTF8.self)
        #expect(redis.contains("maxmemory 805306368gb\n"), "three quarters of 1Ei (3 × 2^28 GiB), exactly")
    }
}
