extension Decode {
    /// A list of mappings, each read by `element`; when `named`, every item's `name` must be unique (SPEC004).
    static func items<T>(_ what: String, named: Bool = true,
                         _ element: @escaping (inout MapReader) -> T?) -> (SpecNode, DecodeContext) -> [T]? {
        { node, context in
            guard case .sequence(let sequence) = node else {
                context.report("SPEC002", "\(what) must be a list, found \(node.kindDescription)", at: node)
                return nil
            }
            var seen: [String: SourceLocation] = [:]
            var result: [T] = []
            var failed = false
            for (index, item) in sequence.enumerated() {
                var label = "\(what)[\(index)]"
                if named, case .mapping(let mapping) = item, let nameNode = mapping["name"], let name = nameNode.string {
                    label = "\(what) '\(name)'"
                    if let first = seen[name] {
                        context.report("SPEC004", "two items of \(what) are named '\(name)'", at: nameNode,
                                       notes: [.init("first defined here", at: first)])
                        failed = true
                    }
                    seen[name] = context.location(nameNode)
                }
                guard var reader = MapReader(item, context, what: label) else { failed = true; continue }
                let value = element(&reader)
                reader.finish()
                if let value { result.append(value) } else { failed = true }
            }
            return failed ? nil : result
        }
    }

    /// A mapping read by `element`, unknown keys reported.
    static func object<T>(_ what: String, _ element: @escaping (inout MapReader) -> T?) -> (SpecNode, DecodeContext) -> T? {
        { node, context in
            guard var reader = MapReader(node, context, what: what) else { return nil }
            let value = element(&reader)
            reader.finish()
            return value
        }
    }
}

/// Builds a value from fields that may each have failed to decode: nil when any did.
func all<each T>(_ values: repeat (each T)?) -> (repeat each T)? {
    for case nil in repeat each values { return nil }
    return (repeat (each values)!)
}
