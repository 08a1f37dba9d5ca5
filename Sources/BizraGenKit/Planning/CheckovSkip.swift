/// A checkov finding that is intended, with the reason, written as the annotations checkov reads
/// (`checkov.io/skip1: CKV_K8S_43=reason`). The README lists every skip bizra-gen emits.
public struct CheckovSkip: Sendable, Hashable {
    public var check: String
    public var reason: String

    public init(_ check: String, _ reason: String) {
        self.check = check
        self.reason = reason
    }

    /// Images come from the spec pinned to a version tag (SEC001 refuses `latest` and untagged ones);
    /// a digest is not known offline.
    public static let pinnedByTag = CheckovSkip("CKV_K8S_43", "images are pinned to a version tag in the spec")

    /// The annotations of an object carrying these skips, numbered in order.
    public static func annotations(_ skips: [CheckovSkip]) -> [String: String] {
        var annotations: [String: String] = [:]
        for (index, skip) in skips.enumerated() {
            annotations["checkov.io/skip\(index + 1)"] = "\(skip.check)=\(skip.reason)"
        }
        return annotations
    }
}
