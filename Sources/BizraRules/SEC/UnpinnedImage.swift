import BizraSpec

/// SEC001.
public struct UnpinnedImage: Rule {
    public static let identifier = "SEC001"
    public static let severity = Severity.error
    public static let summary = "an image that is not pinned (`:latest`, no tag)"
    public static let explanation = """
        An image without a tag means `latest`, and `latest` moves: two nodes can run different code under one \
        Deployment, and a rollback returns to whatever was pushed last. Pin a version tag (`:v2.2.0`) or a \
        digest (`@sha256:...`).
        """
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, image: ghcr.io/bizra/node:latest }\n"),
        .overlay("services:\n  - { name: bizra-node0, image: \"registry.local:5000/bizra/node\" }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, image: \"registry.local:5000/bizra/node@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0\" }\n"),
    ]
    public init() {}

    /// The tag of an image reference, if any (`registry:5000/name` has none), and whether it has a digest.
    public static func reference(_ image: String) -> (tag: String?, digest: Bool) {
        if image.contains("@") { return (nil, true) }
        let lastComponent = image.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? image
        guard let colon = lastComponent.lastIndex(of: ":") else { return (nil, false) }
        return (String(lastComponent[lastComponent.index(after: colon)...]), false)
    }

    public func check(_ spec: Spec) -> [Finding] {
        spec.services.compactMap { service in
            let (tag, digest) = Self.reference(service.image)
            if digest { return nil }
            guard let tag, !tag.isEmpty else {
                return finding("image \(service.image) of \(service.name) has no tag, which means latest; pin a version tag or a digest",
                               at: service.source["image"])
            }
            guard tag.lowercased() == "latest" else { return nil }
            return finding("image \(service.image) of \(service.name) is not pinned: latest moves; pin a version tag or a digest",
                           at: service.source["image"])
        }
    }
}
