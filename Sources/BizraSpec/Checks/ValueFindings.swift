/// The findings of the checks of single values that the model's types do not enforce: names
/// (SPEC005), ranges and value lists (SPEC002). Each finding is located where the value was
/// written, as its `SourceMap` recorded it, so both front ends get the same diagnostics.
struct ValueFindings {
    private(set) var findings: [Finding] = []

    /// A DNS-1123 label of at most `maxLength` characters, so that derived names fit.
    mutating func name(_ value: String?, at location: SourceLocation?, maxLength: Int = 40) {
        guard let value, let problem = DNSLabel.problem(value, maxLength: maxLength) else { return }
        findings.append(Finding(rule: "SPEC005", message: problem, at: location,
                                notes: [.init("names are DNS-1123 labels: lowercase letters, digits and '-', starting and ending with a letter or digit")]))
    }

    /// Each of a list of names, at its item's location (`key[index]`) where it was recorded.
    mutating func names(_ values: [String], key: String, in source: SourceMap, maxLength: Int = 40) {
        for (index, value) in values.enumerated() { name(value, at: source.item(key, index), maxLength: maxLength) }
    }

    /// A count: a whole number from 0 up to the format's limit.
    mutating func count(_ value: Int?, at location: SourceLocation?) {
        guard let value else { return }
        if value < 0 {
            problem("expected a number of at least 0, found \(value)", at: location)
        } else if let excess = Self.excess(value) {
            problem(excess, at: location)
        }
    }

    /// A whole number within the format's limit, of either sign.
    mutating func wholeNumber(_ value: Int, at location: SourceLocation?) {
        if let excess = Self.excess(value) { problem(excess, at: location) }
    }

    /// A TCP or UDP port number.
    mutating func port(_ value: Int, at location: SourceLocation?) {
        if !(1...65535).contains(value) { problem("port \(value) is outside 1-65535", at: location) }
    }

    /// A percentage from 0% to 100%.
    mutating func percent(_ value: Percent?, at location: SourceLocation?) {
        guard let value else { return }
        if value.micropercent < 0 {
            problem("'\(value)' is not \(Percent.expected)", at: location)
        } else if value.micropercent > 100 * Percent.scale {
            findings.append(Finding(rule: "SPEC002", message: "'\(value)' is above 100%", at: location,
                                    notes: [.init("expected \(Percent.expected)")]))
        }
    }

    /// One of `allowed`, with a did-you-mean.
    mutating func oneOf(_ value: String?, _ allowed: [String], at location: SourceLocation?) {
        guard let value, !allowed.contains(value) else { return }
        problem(Self.notOneOf(value, allowed), at: location)
    }

    /// A word one the format knows.
    mutating func known<W: FormatWord>(_ value: W?, at location: SourceLocation?) {
        oneOf(value?.rawValue, W.allowedWords, at: location)
    }

    /// Each word of a list one the format knows, at its item's location (`key[index]`).
    mutating func eachKnown<W: FormatWord>(_ values: [W], key: String, in source: SourceMap) {
        eachOneOf(values.map(\.rawValue), W.allowedWords, key: key, in: source)
    }

    /// Each of a list of values one of `allowed`, at its item's location (`key[index]`).
    mutating func eachOneOf(_ values: [String], _ allowed: [String], key: String, in source: SourceMap) {
        for (index, value) in values.enumerated() { oneOf(value, allowed, at: source.item(key, index)) }
    }

    /// A DNS name such as `api.stripe.com`.
    mutating func hostName(_ value: String?, at location: SourceLocation?) {
        guard let value else { return }
        let labels = value.split(separator: ".", omittingEmptySubsequences: false)
        guard value.count > 253 || labels.count < 2 || labels.contains(where: { DNSLabel.problem($0.lowercased()) != nil }) else { return }
        problem("'\(value)' is not a host name; expected one such as api.example.com", at: location)
    }

    /// IPv4 CIDR blocks such as `203.0.113.0/24`, at each item's location (`key[index]`).
    mutating func cidrs(_ values: [String], key: String, in source: SourceMap) {
        for (index, value) in values.enumerated() where !IPv4CIDR.isValid(value) {
            problem("'\(value)' is not an IPv4 CIDR block; expected one such as 203.0.113.0/24", at: source.item(key, index))
        }
    }

    /// An HTTP path prefix: absolute, without spaces.
    mutating func pathPrefix(_ value: String, at location: SourceLocation?) {
        guard !value.hasPrefix("/") || value.contains(where: \.isWhitespace) else { return }
        problem("'\(value)' is not a path prefix; expected one that starts with '/', such as /api", at: location)
    }

    mutating func append(_ other: ValueFindings) { findings += other.findings }

    mutating func problem(_ message: String, at location: SourceLocation?) {
        findings.append(Finding(rule: "SPEC002", message: message, at: location))
    }

    /// Something the value needs and lacks (SPEC003): a key, or one of several.
    mutating func missing(_ message: String, at location: SourceLocation?) {
        findings.append(Finding(rule: "SPEC003", message: message, at: location))
    }

    /// Why a whole number is beyond the format's limit (QuantityLimits), or nil.
    static func excess(_ value: Int) -> String? {
        guard value.magnitude > QuantityLimits.wholeNumber.magnitude else { return nil }
        return "\(value) is larger than any platform needs (at most \(QuantityLimits.wholeNumber) in magnitude)"
    }

    /// The message for a value outside a list of allowed ones.
    static func notOneOf(_ value: String, _ allowed: [String]) -> String {
        var message = "'\(value)' is not one of \(allowed.joined(separator: ", "))"
        if let hint = DidYouMean.phrase(for: value, among: allowed) { message += "; \(hint)" }
        return message
    }
}

extension SourceMap {
    /// The key under which the location of item `index` of the list at `key` is recorded.
    static func itemKey(_ key: String, _ index: Int) -> String { "\(key)[\(index)]" }

    /// The location of item `index` of the list at `key`, falling back to the list's.
    func item(_ key: String, _ index: Int) -> SourceLocation? { exactly(Self.itemKey(key, index)) ?? self[key] }
}
