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
                guard named, case .mapping(let mapping) = item, let nameNode = mapping["name"], let name = nameNode.string else {
                    labels.append("\(what)[\(index)]")
                    continue
                }
                labels.append("\(what) '\(name)'")
                if let first = seen[name] {
                    context.report("SPEC004", "two items of \(what) are named '\(name)'", at: nameNode,
                                   notes: [.init("first defined here", at: first)])
                    failed = true
                }
                seen[name] = context.location(nameNode)
            }
            let labelled = labels
            let format = context.format?.mappingShape
            let read = { @Sendable (index: Int, context: DecodeContext) -> T? in
                guard var reader = MapReader(sequence.items[index], context, what: labelled[index], format: format) else { return nil }
                let value = element(&reader)
                reader.finish()
                return value
            }
            let values: [T?]
            if concurrently {
                // Each item reports into a context of its own; the findings join in item order.
                let audit = context.audit
                let decoded = Array(sequence.items.indices).concurrentMap { index in
                    let itemContext = DecodeContext(audit: audit)
                    return (value: read(index, itemContext), findings: itemContext.findings)
                }
                decoded.forEach { $0.findings.forEach(context.report) }
                values = decoded.map(\.value)
            } else {
                values = sequence.items.indices.map { read($0, context) }
            }
            var result: [T] = []
            result.reserveCapacity(values.count)
            for value in values {
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
