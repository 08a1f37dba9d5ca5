/// What upstream says of the images bizra-gen can write, checked on 2026-12-01 (README,
/// "Versions"): repositories that were removed or whose product reached end of life, and the
/// oldest release line each maintained repository still supports.
public enum ImageReleases {
    /// Why an image may not be written.
    public enum Verdict: Equatable, Sendable {
        case supported
        /// The repository is gone or its product is end of life; `successor` is what replaces it.
        case retired(reason: String, successor: String)
        /// The release line is older than the oldest supported one.
        case tooOld(oldestSupported: String)
    }

    /// Repositories (without tag) that must not be written, with the reason and the successor.
    static let retired: [(prefix: String, reason: String, successor: String)] = [
        ("bitnami/", "Bitnami removed its public images from docker.io/bitnami (bitnami/containers#83267)", "the upstream project's own image"),
        ("docker.io/bitnami/", "Bitnami removed its public images from docker.io/bitnami (bitnami/containers#83267)", "the upstream project's own image"),
        ("grafana/promtail", "Promtail reached end of life on 2026-03-02", "grafana/alloy"),
        ("jaegertracing/all-in-one", "Jaeger v1 reached end of life on 2025-12-31", "jaegertracing/jaeger (v2)"),
        ("jaegertracing/jaeger-collector", "Jaeger v1 reached end of life on 2025-12-31", "jaegertracing/jaeger (v2)"),
        ("jaegertracing/jaeger-query", "Jaeger v1 reached end of life on 2025-12-31", "jaegertracing/jaeger (v2)"),
        ("jaegertracing/jaeger-agent", "Jaeger v1 reached end of life on 2025-12-31", "jaegertracing/jaeger (v2)"),
        ("registry.k8s.io/ingress-nginx/", "ingress-nginx was retired in March 2026", "the AWS Load Balancer Controller or Gateway API"),
    ]

    /// The oldest supported release line of each maintained repository, as `major.minor`
    /// (or `major` where upstream supports whole majors).
    static let oldestSupported: [String: String] = [
        "grafana/alloy": "v1.17",
        "grafana/loki": "3.6",
        "grafana/tempo": "2.9",
        "jaegertracing/jaeger": "2.18",
        "otel/opentelemetry-collector-contrib": "0.150",
        "redis": "7.4",
        "oliver006/redis_exporter": "v1.80",
        "varnish": "6.0",
        "postgres": "14",
        "ghcr.io/cloudnative-pg/postgresql": "14",
        "registry.k8s.io/external-dns/external-dns": "v0.20",
        "registry.k8s.io/kubectl": "v1.35",
        "amazon/aws-cli": "2.30",
    ]

    /// The verdict on `image` (`repository:tag`).
    public static func verdict(_ image: String) -> Verdict {
        let (repository, tag) = split(image)
        if let retired = retired.first(where: { repository.hasPrefix($0.prefix) || repository == $0.prefix }) {
            return .retired(reason: retired.reason, successor: retired.successor)
        }
        if repository == "ghcr.io/cloudnative-pg/postgresql", tag.allSatisfy(\.isNumber) {
            return .retired(reason: "CloudNativePG's bare major tags are deprecated (cloudnative-pg/postgres-containers README, \"Deprecated Rolling Tags\")",
                            successor: "\(repository):\(tag)-standard-trixie")
        }
        if let oldest = oldestSupported[repository], let version = Version(tag), let minimum = Version(oldest), version < minimum {
            return .tooOld(oldestSupported: oldest)
        }
        return .supported
    }

    static func split(_ image: String) -> (repository: String, tag: String) {
        let withoutDigest = image.split(separator: "@").first.map(String.init) ?? image
        guard let colon = withoutDigest.lastIndex(of: ":"), !withoutDigest[colon...].contains("/") else { return (withoutDigest, "latest") }
        return (String(withoutDigest[..<colon]), String(withoutDigest[withoutDigest.index(after: colon)...]))
    }

    /// The leading numbers of a tag: `v1.18.1` → [1, 18, 1], `16-standard-trixie` → [16].
    struct Version: Comparable {
        var parts: [Int]
        init?(_ tag: String) {
            var text = Substring(tag)
            if text.first == "v" { text = text.dropFirst() }
            let numeric = text.prefix { $0.isNumber || $0 == "." }
            let parts = numeric.split(separator: ".").compactMap { Int($0) }
            guard !parts.isEmpty else { return nil }
            self.parts = parts
        }
        static func < (lhs: Version, rhs: Version) -> Bool {
            for (a, b) in zip(lhs.parts, rhs.parts) where a != b { return a < b }
            return false
        }
    }
}
