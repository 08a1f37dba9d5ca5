extension Decode {
    /// A list of mappings, each read by `element`; when `named`, every item's `name` must be unique (SPEC004).
    /// With `concurrently`, the items are read on every core (each with its own findings, joined in
    /// item order), for the lists that grow with the platform: services.
    static func items<T: Sendable>(_ what: String, named: Bool = true, concurrently: Bool = false,
                                   _ element: @escaping @Sendable (inout MapReader) -> T?) -> (SpecNode, DecodeContext) -> [T]? {
        { node, context in
            guard case .sequence(let sequence) = node else {
                context.report("SPEC002", "\(what) must be a list, found \(node.kindDescription)", at: node)
                return nil
            }
            var seen: [String: SourceLocation] = [:]
            var labels: [String] = []
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
                labels.append(label)
            }
            let labelled = labels
            let read = { @Sendable (index: Int) -> (value: T?, findings: [Finding]) in
                let itemContext = DecodeContext()
                guard var reader = MapReader(sequence.items[index], itemContext, what: labelled[index]) else {
                    return (nil, itemContext.findings)
                }
                let value = element(&reader)
                reader.finish()
                return (value, itemContext.findings)
            }
            let indices = Array(sequence.items.indices)
            var result: [T] = []
            for item in concurrently ? indices.concurrentMap(read) : indices.map(read) {
                item.findings.forEach(context.report)
                if let value = item.value { result.append(value) } else { failed = true }
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
