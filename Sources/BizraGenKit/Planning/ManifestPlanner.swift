import BizraSpec

/// Plans the objects of one numbered manifest file from the spec.
public protocol ManifestPlanner: Sendable {
    /// The file under `k8s/`, e.g. `01-namespaces.yaml`.
    var fileName: String { get }
    /// The objects of that file; order does not matter (the file is sorted for output).
    func objects(for context: PlanContext) -> [KubernetesObject]
}

/// Plans one non-YAML artifact (VCL, a k6 script, a shell script) from the spec.
public protocol ArtifactRenderer: Sendable {
    /// Files relative to the environment's output folder (`varnish/default.vcl`) and their text.
    func render(_ context: PlanContext) throws -> [String: String]
}
