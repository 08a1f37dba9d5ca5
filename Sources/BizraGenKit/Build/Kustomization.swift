/// A cluster's `kustomization.yaml`: its manifest files in order, so `kubectl apply -k` applies them all.
enum Kustomization {
    static func render(files: [String]) -> String {
        let value: YAMLValue = [
            "apiVersion": "kustomize.config.k8s.io/v1beta1",
            "kind": "Kustomization",
            "resources": .list(files.map { .string($0) }),
        ]
        return YAMLWriter.stream(header: ManifestFile.header, documents: [value])
    }
}
