/// Decoders of single values; each reports SPEC002 at the value when it has the wrong type or unit.
enum Decode {
    static func string(_ node: SpecNode, _ context: DecodeContext) -> String? {
        guard case .scalar(let scalar) = node else {
            context.report("SPEC002", "expected text, found \(node.kindDescription)", at: node)
            return nil
        }
        return scalar.string
    }

    static func int(_ node: SpecNode, _ context: DecodeContext) -> Int? {
        guard case .scalar(let scalar) = node, node.isPlainScalar, let value = Int(scalar.string) else {
            context.report("SPEC002", "expected a whole number, found \(node.kindDescription)", at: node)
            return nil
        }
        if let excess = ValueFindings.excess(value) {
            context.report("SPEC002", excess, at: node)
            return nil
        }
        return value
    }

    static func double(_ node: SpecNode, _ context: DecodeContext) -> Double? {
        guard case .scalar(let scalar) = node, node.isPlainScalar, let value = Double(scalar.string), value.isFinite else {
            context.report("SPEC002", "expected a number, found \(node.kindDescription)", at: node)
            return nil
        }
        guard abs(value) <= QuantityLimits.number else {
            context.report("SPEC002", "\(scalar.string) is larger than any platform needs (at most \(NumberText.decimal(QuantityLimits.number)) in magnitude)", at: node)
            return nil
        }
        return value
    }

    static func bool(_ node: SpecNode, _ context: DecodeContext) -> Bool? {
        guard case .scalar(let scalar) = node, node.isPlainScalar else {
            context.report("SPEC002", "expected true or false, found \(node.kindDescription)", at: node)
            return nil
        }
        switch scalar.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            context.report("SPEC002", "expected true or false, found \(node.kindDescription)", at: node)
            return nil
        }
    }

    static func unit<T: SpecUnit>(_ node: SpecNode, _ context: DecodeContext) -> T? {
        guard case .scalar(let scalar) = node else {
            context.report("SPEC002", "expected \(T.expected), found \(node.kindDescription)", at: node)
            return nil
        }
        do {
            return try T(parsing: scalar.string)
        } catch {
            context.report("SPEC002", error.message, at: node, notes: [.init("expected \(T.expected)")])
            return nil
        }
    }

    /// A text that selects a variant of the model (a trigger's `type`) or an enumeration's case;
    /// texts the model keeps as they are written are checked on the model (SpecValues).
    static func oneOf(_ allowed: [String]) -> (SpecNode, DecodeContext) -> String? {
        { node, context in
            guard let value = string(node, context) else { return nil }
            guard allowed.contains(value) else {
                context.report("SPEC002", ValueFindings.notOneOf(value, allowed), at: node)
                return nil
            }
            return value
        }
    }

    static func enumeration<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> (SpecNode, DecodeContext) -> E?
    where E.RawValue == String {
        { node, context in
            oneOf(E.allCases.map(\.rawValue))(node, context).flatMap(E.init(rawValue:))
        }
    }

    /// Text as a word of the format, known or not: whether the word is one the format knows is a
    /// check of the model, the same for the DSL.
    static func word<W: RawRepresentable>(_ type: W.Type) -> (SpecNode, DecodeContext) -> W? where W.RawValue == String {
        { node, context in string(node, context).flatMap(W.init(rawValue:)) }
    }

    static func list<T>(_ element: @escaping (SpecNode, DecodeContext) -> T?) -> (SpecNode, DecodeContext) -> [T]? {
        { node, context in
            guard case .sequence(let sequence) = node else {
                context.report("SPEC002", "expected a list, found \(node.kindDescription)", at: node)
                return nil
            }
            let items = sequence.map { element($0, context) }
            return items.contains { $0 == nil } ? nil : items.compactMap { $0 }
        }
    }

    static func stringMap(_ node: SpecNode, _ context: DecodeContext) -> [String: String]? {
        guard case .mapping(let mapping) = node else {
            context.report("SPEC002", "expected a mapping of names to text, found \(node.kindDescription)", at: node)
            return nil
        }
        var result: [String: String] = [:]
        for (key, value) in mapping {
            guard let key = string(key, context), let value = string(value, context) else { continue }
            result[key] = value
        }
        return result
    }
}

/// DNS-1123 label checks.
public enum DNSLabel {
    /// Why `value` is not a DNS-1123 label of at most `maxLength` characters, or nil.
    public static func problem(_ value: String, maxLength: Int = 63) -> String? {
        if value.isEmpty { return "a name cannot be empty" }
        let allowed = value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if !allowed || value.hasPrefix("-") || value.hasSuffix("-") {
            let suggestion = value.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
            return "'\(value)' is not a DNS-1123 label; did you mean '\(String(suggestion).trimmingCharacters(in: "-"))'?"
        }
        if value.count > maxLength {
            return "'\(value)' is \(value.count) characters; names are at most \(maxLength) so that derived names fit in 63"
        }
        return nil
    }
}
