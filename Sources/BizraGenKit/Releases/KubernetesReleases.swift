/// The Kubernetes minor releases upstream supports on the date this table was last checked,
/// with their newest patch release and end of life (kubernetes.io/releases/1.35/, /1.36/, /1.37/:
/// 1.35 to 2027-02-28, 1.36 to 2027-06-28, 1.37 to 2027-10-28; 1.34 ended on 2026-10-27).
public enum KubernetesReleases {
    /// A supported minor release.
    public struct Release: Equatable, Sendable {
        public var minor: String
        /// The newest patch release, as kubectl's image is tagged (`v1.36.4`).
        public var patch: String
        /// Last day of upstream support, `YYYY-MM-DD`.
        public var endOfLife: String
    }

    /// Oldest first.
    public static let supported: [Release] = [
        Release(minor: "1.35", patch: "v1.35.9", endOfLife: "2027-02-28"),
        Release(minor: "1.36", patch: "v1.36.4", endOfLife: "2027-06-28"),
        Release(minor: "1.37", patch: "v1.37.1", endOfLife: "2027-10-28"),
    ]

    /// The supported release closest to `version` (`"1.30"` gives the oldest, `"1.40"` the newest):
    /// kubectl works against a server one minor release either side of its own
    /// (kubernetes.io/releases/version-skew-policy/), so the nearest supported one is the best
    /// that exists for a cluster outside the table.
    public static func nearest(to version: String) -> Release {
        let wanted = minorNumber(version) ?? Int.max
        return supported.min { abs((minorNumber($0.minor) ?? 0) - wanted) < abs((minorNumber($1.minor) ?? 0) - wanted) }!
    }

    /// Whether `version` (`"1.36"`, `"1.36.2"`) is a supported minor release.
    public static func isSupported(_ version: String) -> Bool {
        supported.contains { $0.minor == minor(of: version) }
    }

    /// `registry.k8s.io/kubectl` at the release nearest to `version`: Debian with bash, grep, sed
    /// and jq beside kubectl (kubernetes/kubernetes `build/server-image/kubectl/Dockerfile`),
    /// the successor of the removed `bitnami/kubectl`.
    public static func kubectlImage(for version: String) -> String {
        "registry.k8s.io/kubectl:\(nearest(to: version).patch)"
    }

    static func minor(of version: String) -> String {
        let parts = version.split(separator: ".")
        return parts.prefix(2).joined(separator: ".")
    }

    static func minorNumber(_ version: String) -> Int? {
        let parts = version.split(separator: ".")
        guard parts.count >= 2, parts[0] == "1" else { return nil }
        return Int(parts[1])
    }
}
