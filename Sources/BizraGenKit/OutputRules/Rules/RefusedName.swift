import BizraSpec

/// OUT002: a name, label or annotation Kubernetes would refuse.
public struct RefusedName: OutputRule {
    public static let identifier = "OUT002"
    public static let severity = Severity.error
    public static let summary = "a name, label or annotation Kubernetes would refuse (DNS-1123 names, label values over 63 characters)"
    public static let explanation = """
        The API server validates names and labels before anything else: object names are DNS-1123 \
        subdomains (Services and Namespaces DNS-1123 labels, at most 63 characters), label keys are \
        an optional DNS prefix and a name of at most 63 characters, label values at most 63 characters \
        of letters, digits, `-`, `_` and `.`. A StatefulSet or CronJob name must leave room for the \
        suffix its controller adds to the pods' or Jobs' labels (52 characters). One refused object \
        fails the whole `kubectl apply` of its file.
        """
    public static let triggeringExamples = [
        OutputRuleExample("a Deployment whose name has an underscore") { platform in
            platform.editCluster { $0.edit({ $0.kind == "Deployment" }) { $0.name = "bizra_node0" } }
        },
        OutputRuleExample("a label value of 64 characters") { platform in
            platform.editCluster { $0.edit({ $0.kind == "ConfigMap" }) { $0.labels["bizra.ai/note"] = String(repeating: "a", count: 64) } }
        },
    ]

    /// Kinds whose names become DNS labels (Service hostnames, namespace names).
    static let labelNamedKinds: Set<String> = ["Service", "Namespace"]
    /// Kinds whose controllers append a suffix of 11 characters to their name in a label.
    static let suffixedKinds: Set<String> = ["StatefulSet", "CronJob"]

    public init() {}

    public func check(_ platform: PlannedPlatform) -> [Finding] {
        platform.distinctObjects.flatMap { planned, cluster in
            problems(planned.object).map { finding($0, about: planned, in: cluster, platform: platform) }
        }
    }

    func problems(_ object: KubernetesObject) -> [String] {
        var problems: [String] = []
        let limit = Self.labelNamedKinds.contains(object.kind) ? 63 : (Self.suffixedKinds.contains(object.kind) ? 52 : 253)
        if !(Self.labelNamedKinds.contains(object.kind) ? KubernetesNames.isLabel(object.name) : KubernetesNames.isSubdomain(object.name))
            || object.name.count > limit {
            problems.append("name '\(object.name)' is not a DNS-1123 \(limit == 253 ? "subdomain" : "label") of at most \(limit) characters")
        }
        var labelSets = [object.labels]
        if let template = PlannedPod.podTemplate(of: object), let labels = template["metadata"]?["labels"]?.mapValue {
            labelSets.append(labels.entries.reduce(into: [:]) { $0[$1.key] = $1.value.stringValue ?? "" })
        }
        for labels in labelSets where !labels.allSatisfy({ KubernetesNames.isQualifiedName($0.key) && KubernetesNames.isLabelValue($0.value) }) {
            for (key, value) in labels.sorted(by: { $0.key < $1.key }) {
                if !KubernetesNames.isQualifiedName(key) { problems.append("label key '\(key)' is not a qualified name") }
                if !KubernetesNames.isLabelValue(value) { problems.append("label \(key)='\(value)' is not a valid label value (at most 63 characters)") }
            }
        }
        for key in object.annotations.keys.filter({ !KubernetesNames.isQualifiedName($0) }).sorted() {
            problems.append("annotation key '\(key)' is not a qualified name")
        }
        return problems
    }
}

/// The name syntaxes of k8s.io/apimachinery `pkg/util/validation/validation.go`, on UTF-8 bytes.
enum KubernetesNames {
    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isLowerAlphanumeric(byte) || (byte >= 0x41 && byte <= 0x5A) }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63 characters.
    static func isLabel(_ text: String) -> Bool { isLabel(text.utf8[...]) }

    private static func isLabel(_ bytes: Substring.UTF8View) -> Bool {
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 63 else { return false }
        return isLowerAlphanumeric(first) && isLowerAlphanumeric(last) && bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// Labels joined by dots, at most 253 characters.
    static func isSubdomain(_ text: String) -> Bool { isSubdomain(text.utf8[...]) }

    /// k8s.io/apimachinery IsDNS1123Subdomain: at most 253 characters of dot-separated labels,
    /// with no limit of its own on each label.
    private static func isSubdomain(_ bytes: Substring.UTF8View) -> Bool {
        bytes.count <= 253 && bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { part in
            guard let first = part.first, let last = part.last else { return false }
            return isLowerAlphanumeric(first) && isLowerAlphanumeric(last) && part.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`, at most 63 characters; empty allowed.
    static func isLabelValue(_ text: String) -> Bool { text.isEmpty || isName(text.utf8[...]) }

    static func isName(_ text: String) -> Bool { isName(text.utf8[...]) }

    private static func isName(_ bytes: Substring.UTF8View) -> Bool {
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 63 else { return false }
        return isAlphanumeric(first) && isAlphanumeric(last)
            && bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    /// `prefix/name` or `name`: a DNS subdomain prefix and a name.
    static func isQualifiedName(_ key: String) -> Bool {
        let bytes = key.utf8[...]
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return isName(bytes) }
        let name = bytes[bytes.index(after: slash)...]
        return !name.contains(UInt8(ascii: "/")) && isSubdomain(bytes[..<slash]) && isName(name)
    }
}
