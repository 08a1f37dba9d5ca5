import BizraRules
import BizraSpec
import Foundation

/// Plans every artifact of a checked spec into one output tree: for each cluster
/// `clusters/<region>/k8s/` (the numbered manifests of that cluster and its kustomization), and
/// for the environment `gitops/`, `deploy/`, `varnish/`, `k6/`, `bench/`, `monitoring/`. Pure: it
/// reads nothing and writes nothing.
///
/// Every manifest is planned once for all clusters (each object carries its ``Placement``) and
/// each document is written once: a cluster's file is joined from the documents placed there, so
/// what the clusters share costs one rendering however many clusters there are. The work is
/// spread over the machine's cores in two rounds: every manifest and artifact is planned on its
/// own, then the manifests' documents are written in parts of ``documentsPerPart``. The files
/// never depend on which part finishes first.
public struct BuildPipeline: Sendable {
    /// Documents written together in the second round: small enough to share a large manifest among
    /// the cores, large enough that a part costs far more than handing it to a thread.
    static let documentsPerPart = 64

    public var templates: TemplateSet
    public var manifests: [any ManifestPlanner]
    public var artifacts: [any ArtifactRenderer]

    public init(templates: TemplateSet = .embedded, manifests: [any ManifestPlanner] = PlannerRegistry.manifests,
                artifacts: [any ArtifactRenderer] = PlannerRegistry.artifacts) {
        self.templates = templates
        self.manifests = manifests
        self.artifacts = artifacts
    }

    /// The folder of a cluster's manifests in the environment's output tree.
    public static func manifestFolder(cluster: String) -> String { "clusters/\(cluster)/k8s" }

    /// One unit of planning: a numbered manifest, or the files of one artifact renderer.
    private enum Job: Sendable {
        case manifest(any ManifestPlanner)
        case artifact(any ArtifactRenderer)
    }

    /// What a job produced: a manifest's objects in output order, or finished files.
    private enum Planned: Sendable {
        case manifest(PlannedManifest)
        case files([String: String])
    }

    /// A numbered manifest's objects in output order.
    private struct PlannedManifest: Sendable {
        var fileName: String
        var objects: [KubernetesObject]
        var placements: [Placement] { objects.map(\.placement) }
    }

    /// The files of `out/<environment>/`, relative path to bytes. Throws ``OutputCheckFailure``
    /// when an OUT rule finds an error in the planned objects.
    public func plan(_ spec: Spec) throws -> OutputTree {
        let context = PlanContext(spec: spec, templates: templates)
        let planned = try plannedJobs(context)
        var files: [String: Data] = [:]
        var manifests: [PlannedManifest] = []
        for result in planned {
            switch result {
            case .manifest(let manifest) where !manifest.objects.isEmpty:
                manifests.append(manifest)
            case .manifest:
                continue
            case .files(let rendered):
                for (path, text) in rendered { files[path] = Data(text.utf8) }
            }
        }
        let findings = OutputChecker().check(Self.platform(spec, context, manifests))
        if findings.contains(where: { $0.severity == .error }) { throw OutputCheckFailure(findings: findings) }
        let written = Self.render(manifests)
        releaseInBackground(consume planned)
        for cluster in context.clusters {
            let folder = Self.manifestFolder(cluster: cluster)
            var names: [String] = []
            for (manifest, text) in zip(manifests, written) {
                guard let bytes = text.join(placedIn: cluster, placements: manifest.placements) else { continue }
                names.append(manifest.fileName)
                files["\(folder)/\(manifest.fileName)"] = bytes
            }
            files["\(folder)/kustomization.yaml"] = Data(Kustomization.render(files: names).utf8)
        }
        releaseInBackground((consume manifests, consume written))
        return OutputTree(files: files)
    }

    /// Every finding of `spec`, as `validate` reports them: the spec rules', then, when none of
    /// them is an error, the OUT rules' on the objects the spec plans. Both front ends, the CLI
    /// and the fuzzer check through here.
    public func findings(for spec: Spec) throws -> [Finding] {
        let findings = SpecChecker().check(spec)
        guard findings.errorCount == 0 else { return findings }
        return findings + OutputChecker().check(try plannedPlatform(spec))
    }

    /// The planned objects of every cluster, as the OUT rules see them; nothing is rendered.
    public func plannedPlatform(_ spec: Spec) throws -> PlannedPlatform {
        let context = PlanContext(spec: spec, templates: templates)
        let manifests = try plannedJobs(context).compactMap { planned -> PlannedManifest? in
            if case .manifest(let manifest) = planned { manifest } else { nil }
        }
        return Self.platform(spec, context, manifests)
    }

    private static func platform(_ spec: Spec, _ context: PlanContext, _ manifests: [PlannedManifest]) -> PlannedPlatform {
        PlannedPlatform(spec: spec, context: context, clusters: context.clusters.map { cluster in
            PlannedCluster(name: cluster, objects: manifests.flatMap { manifest in
                manifest.objects.filter { $0.placement.includes(cluster) }.map { PlannedObject(file: manifest.fileName, object: $0) }
            })
        })
    }

    /// Every manifest and artifact planned, in the order of the jobs, on every core.
    private func plannedJobs(_ context: PlanContext) throws -> [Planned] {
        let jobs = manifests.map(Job.manifest) + artifacts.map(Job.artifact)
        return try jobs.concurrentMap { job in
            Result { () throws -> Planned in
                switch job {
                case .manifest(let planner):
                    return .manifest(PlannedManifest(fileName: planner.fileName,
                                                     objects: Self.scheduled(Self.selectable(planner.objects(for: context), context), context)
                                                        .sortedForOutput()))
                case .artifact(let renderer):
                    return .files(try renderer.render(context))
                }
            }
        }.map { try $0.get() }
    }

    /// The objects, with `observability.monitorLabels` on each Prometheus Operator object, so that
    /// the Prometheus of the cluster selects every monitor and rule whichever planner wrote it.
    static func selectable(_ objects: [KubernetesObject], _ context: PlanContext) -> [KubernetesObject] {
        guard let labels = context.spec.observability?.monitorLabels, !labels.isEmpty else { return objects }
        return objects.map { object in
            guard object.apiVersion.hasPrefix("monitoring.coreos.com/") else { return object }
            var object = object
            object.labels.merge(labels) { _, new in new }
            return object
        }
    }

    /// The objects, with `platform.cluster.scheduling`'s node selector and tolerations on every pod
    /// template bizra-gen writes (not on DaemonSets, which run on every node by design) and on the
    /// database Clusters (CloudNativePG's `spec.affinity`).
    static func scheduled(_ objects: [KubernetesObject], _ context: PlanContext) -> [KubernetesObject] {
        let scheduling = context.platform.cluster.scheduling
        guard !scheduling.nodeSelector.isEmpty || !scheduling.tolerations.isEmpty else { return objects }
        let nodeSelector = YAMLValue.map(YAMLMap(sortedKeys: scheduling.nodeSelector))
        let tolerations = YAMLValue.list(scheduling.tolerations.map(Self.toleration))
        func place(_ map: inout YAMLMap) {
            if !scheduling.nodeSelector.isEmpty { map["nodeSelector"] = nodeSelector }
            if !scheduling.tolerations.isEmpty { map["tolerations"] = tolerations }
        }
        return objects.map { object in
            var object = object
            let path: [String]? = switch object.kind {
            case "Deployment", "StatefulSet", "Job": ["spec", "template", "spec"]
            case "CronJob": ["spec", "jobTemplate", "spec", "template", "spec"]
            case "Cluster" where object.isIn(group: "postgresql.cnpg.io"): ["spec", "affinity"]
            default: nil
            }
            guard let path else { return object }
            object.body.update(path, create: path.last == "affinity", place)
            return object
        }
    }

    /// A core/v1 Toleration.
    static func toleration(_ toleration: ClusterConventions.Toleration) -> YAMLValue {
        var map = YAMLMap()
        map.set("key", toleration.key.map(YAMLValue.string))
        map.set("operator", .string(toleration.operator.rawValue))
        map.set("value", toleration.value.map(YAMLValue.string))
        map.set("effect", toleration.effect.map { .string($0.rawValue) })
        return .map(map)
    }

    /// Each manifest's documents written once, part by part on every core.
    private static func render(_ manifests: [PlannedManifest]) -> [WrittenManifest] {
        let parts = manifests.indices.flatMap { file in
            stride(from: 0, to: manifests[file].objects.count, by: documentsPerPart).map { start in
                (file: file, start: start,
                 objects: manifests[file].objects[start..<min(start + documentsPerPart, manifests[file].objects.count)])
            }
        }
        let written = parts.concurrentMap { YAMLWriter.documentBytesAndEnds($0.objects.map(\.yaml)) }
        var texts = manifests.map { _ in WrittenManifest() }
        for (part, bytes) in zip(parts, written) {
            texts[part.file].parts.append(.init(first: part.start, bytes: bytes.bytes, ends: bytes.ends))
        }
        return texts
    }
}

/// A manifest's documents as written: parts of consecutive documents, each with the offsets where
/// its documents end.
private struct WrittenManifest: Sendable {
    struct Part: Sendable {
        var first: Int
        var bytes: [UInt8]
        var ends: [Int]
    }

    static let header = YAMLWriter.headerBytes(ManifestFile.header)

    var parts: [Part] = []

    /// The file of one cluster: the header, then the documents placed in `cluster`, in order; nil
    /// when none is. A part whose documents all go there is copied whole.
    func join(placedIn cluster: String, placements: [Placement]) -> Data? {
        var ranges: [(part: Int, range: Range<Int>)] = []
        var size = Self.header.count
        for (index, part) in parts.enumerated() {
            var start = 0
            for (offset, end) in part.ends.enumerated() {
                if placements[part.first + offset].includes(cluster) {
                    if let last = ranges.last, last.part == index, last.range.upperBound == start {
                        ranges[ranges.count - 1].range = last.range.lowerBound..<end
                    } else {
                        ranges.append((index, start..<end))
                    }
                    size += end - start
                }
                start = end
            }
        }
        guard !ranges.isEmpty else { return nil }
        var text = Data(capacity: size)
        text.append(contentsOf: Self.header)
        for (part, range) in ranges {
            parts[part].bytes.withUnsafeBufferPointer { text.append(UnsafeBufferPointer(rebasing: $0[range])) }
        }
        return text
    }
}
