import BizraSpec
import Foundation

/// Plans every artifact of a checked spec into one output tree: `k8s/` (the numbered manifests and
/// the kustomization), `varnish/`, `k6/`, `bench/`. Pure: it reads nothing and writes nothing.
///
/// The work is spread over the machine's cores in two rounds: every manifest and artifact is
/// planned on its own, then the manifests' documents are written in parts of
/// ``documentsPerPart`` and joined in order. The files never depend on which part finishes first.
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

    /// One unit of planning: a numbered manifest, or the files of one artifact renderer.
    private enum Job: Sendable {
        case manifest(any ManifestPlanner)
        case artifact(any ArtifactRenderer)
    }

    /// What a job produced: a manifest's documents in output order, or finished files.
    private enum Planned: Sendable {
        case manifest(fileName: String, documents: [YAMLValue])
        case files([String: String])
    }

    /// The files of `out/<environment>/`, relative path to bytes.
    public func plan(_ spec: Spec) throws -> OutputTree {
        let context = PlanContext(spec: spec, templates: templates)
        let jobs = manifests.map(Job.manifest) + artifacts.map(Job.artifact)
        let planned = try jobs.concurrentMap { job in
            Result { () throws -> Planned in
                switch job {
                case .manifest(let planner):
                    let file = ManifestFile(path: "k8s/\(planner.fileName)", objects: planner.objects(for: context))
                    return .manifest(fileName: planner.fileName, documents: file.documents)
                case .artifact(let renderer):
                    return .files(try renderer.render(context))
                }
            }
        }.map { try $0.get() }

        var files: [String: Data] = [:]
        var manifestDocuments: [(fileName: String, documents: [YAMLValue])] = []
        for result in planned {
            switch result {
            case .manifest(let fileName, let documents) where !documents.isEmpty:
                manifestDocuments.append((fileName, documents))
            case .manifest:
                continue
            case .files(let rendered):
                for (path, text) in rendered { files[path] = Data(text.utf8) }
            }
        }
        let written = Self.render(manifestDocuments)
        files["k8s/kustomization.yaml"] = Data(Kustomization.render(files: manifestDocuments.map(\.fileName)).utf8)
        releaseInBackground((consume planned, consume manifestDocuments))
        for (fileName, text) in written {
            files["k8s/\(fileName)"] = text
        }
        return OutputTree(files: files)
    }

    /// Each manifest's text: the header, then its documents, written part by part on every core.
    private static func render(_ manifests: [(fileName: String, documents: [YAMLValue])]) -> [(String, Data)] {
        let parts = manifests.indices.flatMap { file in
            stride(from: 0, to: manifests[file].documents.count, by: documentsPerPart).map { start in
                (file: file, documents: manifests[file].documents[start..<min(start + documentsPerPart, manifests[file].documents.count)])
            }
        }
        let written = parts.concurrentMap { YAMLWriter.documentBytes($0.documents) }
        let header = YAMLWriter.headerBytes(ManifestFile.header)
        var sizes = manifests.map { _ in header.count }
        for (part, bytes) in zip(parts, written) {
            sizes[part.file] += bytes.count
        }
        var texts = sizes.map { size in
            var text = Data(capacity: size)
            text.append(contentsOf: header)
            return text
        }
        for (part, bytes) in zip(parts, written) {
            texts[part.file].append(contentsOf: bytes)
        }
        return zip(manifests, texts).map { ($0.fileName, $1) }
    }
}
