import BizraSpec
import Foundation

/// Plans every artifact of a checked spec into one output tree: `k8s/` (the numbered manifests and
/// the kustomization), `varnish/`, `k6/`, `bench/`. Pure: it reads nothing and writes nothing.
public struct BuildPipeline: Sendable {
    public var templates: TemplateSet
    public var manifests: [any ManifestPlanner]
    public var artifacts: [any ArtifactRenderer]

    public init(templates: TemplateSet = .embedded, manifests: [any ManifestPlanner] = PlannerRegistry.manifests,
                artifacts: [any ArtifactRenderer] = PlannerRegistry.artifacts) {
        self.templates = templates
        self.manifests = manifests
        self.artifacts = artifacts
    }

    /// The files of `out/<environment>/`, relative path to bytes.
    public func plan(_ spec: Spec) throws -> OutputTree {
        let context = PlanContext(spec: spec, templates: templates)
        var files: [String: Data] = [:]
        var manifestNames: [String] = []
        for planner in manifests {
            let objects = planner.objects(for: context)
            guard !objects.isEmpty else { continue }
            let file = ManifestFile(path: "k8s/\(planner.fileName)", objects: objects)
            files[file.path] = Data(file.render().utf8)
            manifestNames.append(planner.fileName)
        }
        files["k8s/kustomization.yaml"] = Data(Kustomization.render(files: manifestNames).utf8)
        for renderer in artifacts {
            for (path, text) in try renderer.render(context) {
                files[path] = Data(text.utf8)
            }
        }
        return OutputTree(files: files)
    }
}
