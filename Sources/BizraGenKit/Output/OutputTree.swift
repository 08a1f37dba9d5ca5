import Foundation

/// The files of one output folder, by path relative to it (`k8s/01-namespaces.yaml`).
public struct OutputTree: Equatable, Sendable {
    /// File contents by relative path, `/`-separated.
    public var files: [String: Data]

    /// A tree of `files`.
    public init(files: [String: Data] = [:]) {
        self.files = files
    }

    /// The relative paths in Unicode scalar order, the order every tree operation follows.
    public var sortedPaths: [String] {
        files.keys.sorted(by: String.scalarOrder)
    }
}
