import BizraSpec

/// SEC002.
public struct SecretInConfig: Rule {
    public static let identifier = "SEC002"
    public static let severity = Severity.error
    public static let summary = "a secret-looking key (PASSWORD, TOKEN, SECRET, API_KEY, PRIVATE_KEY) or value in `config:` or `env:`; secrets go to `secrets:`"
    public static let explanation = """
        `config:` becomes a ConfigMap and `env:` the Deployment's environment: readable by anyone who can read the namespace and committed to Git with \
        the spec. Credentials belong under `secrets:`, which holds only references to the external secret \
        store. A key that names a credential, or a value that looks like one (a private key block, a JWT, a \
        known token format), is refused.
        """
    static let keyWords = ["PASSWORD", "PASSWD", "TOKEN", "SECRET", "API_KEY", "APIKEY", "PRIVATE_KEY", "CREDENTIAL"]
    public static let triggeringExamples: [RuleExample] = [
        .overlay("services:\n  - { name: bizra-node0, config: { DATABASE_PASSWORD: hunter2 } }\n"),
        .overlay("services:\n  - { name: bizra-node0, config: { UPSTREAM_AUTH: \"ghp_0123456789abcdefghijABCDEFGHIJ012345\" } }\n"),
        .overlay("services:\n  - { name: bizra-node0, env: { STRIPE_API_KEY: sk_test_123 } }\n"),
    ]
    public static let nonTriggeringExamples: [RuleExample] = [.overlay("services:\n  - { name: bizra-node0, config: { LOG_FORMAT: json } }\n")]
    public init() {}

    /// Credential shapes, each behind a literal marker that a value must contain first, so that a
    /// long value is scanned in linear time. Each pattern is built the first time its marker is
    /// found (building them all costs about a millisecond, in every run).
    static let shapes: [(marker: String, matches: @Sendable (String) -> Bool)] = [
        ("eyJ", { $0.firstMatch(of: Patterns.jwt) != nil }),
        ("AKIA", { $0.firstMatch(of: Patterns.awsAccessKey) != nil }),
        ("_", { $0.firstMatch(of: Patterns.gitHubToken) != nil }),
        ("_live_", { $0.firstMatch(of: Patterns.stripeKey) != nil }),
        ("xox", { $0.firstMatch(of: Patterns.slackToken) != nil }),
    ]

    // Regex is not Sendable; each is built once, on first use, and only ever read.
    private enum Patterns {
        nonisolated(unsafe) static let jwt = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/
        nonisolated(unsafe) static let awsAccessKey = /AKIA[0-9A-Z]{16}/
        nonisolated(unsafe) static let gitHubToken = /gh[pousr]_[A-Za-z0-9]{30,}/
        nonisolated(unsafe) static let stripeKey = /(?:sk|rk)_live_[A-Za-z0-9]{16,}/
        nonisolated(unsafe) static let slackToken = /xox[abpr]-[A-Za-z0-9-]{10,}/
    }

    /// Whether a value has the shape of a credential.
    public static func looksSecret(_ value: String) -> Bool {
        if value.containsUTF8("-----BEGIN") && value.containsUTF8("PRIVATE KEY") { return true }
        if shapes.contains(where: { value.containsUTF8($0.marker) && $0.matches(value) }) { return true }
        return value.containsUTF8("://") && hasURLWithPassword(value)
    }

    /// `scheme://user:password@host`: the authority after each `://` holds a `:` before an `@`.
    static func hasURLWithPassword(_ value: String) -> Bool {
        var rest = Substring(value)
        while let separator = rest.range(of: "://") {
            let authority = rest[separator.upperBound...].prefix { $0 != "/" && !$0.isWhitespace }
            if let at = authority.firstIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":"),
               colon > authority.startIndex, authority.index(after: colon) < at {
                return true
            }
            rest = rest[separator.upperBound...]
        }
        return false
    }

    public func check(_ spec: Spec) -> [Finding] {
        var findings: [Finding] = []
        for service in spec.services {
            let secretsLocation = service.secrets.map { $0.source["keys"] } ?? service.source.node
            for (section, values) in [("config", service.config), ("env", service.env)] {
                for key in values.keys.sorted() {
                    let upper = key.uppercased()
                    if let word = Self.keyWords.first(where: { upper.containsUTF8($0) }) {
                        findings.append(finding("\(section) key \(key) of \(service.name) names a credential (\(word)); move it to secrets: as a reference to the secret store",
                                                at: service.source["\(section).\(key)"], notes: [.init("secrets of \(service.name)", at: secretsLocation)]))
                    } else if Self.looksSecret(values[key] ?? "") {
                        findings.append(finding("\(section) value of \(key) in \(service.name) looks like a credential; move it to secrets: as a reference to the secret store",
                                                at: service.source["\(section).\(key)"], notes: [.init("secrets of \(service.name)", at: secretsLocation)]))
                    }
                }
            }
        }
        return findings
    }
}
