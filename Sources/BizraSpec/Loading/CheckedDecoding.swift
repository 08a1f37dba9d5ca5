extension Decode {
    /// `element`, then the value checks of the model (SpecValues) on what it read: a YAML spec
    /// is refused where a value is written, in the same pass as its other mistakes.
    static func checked<T>(_ element: @escaping @Sendable (inout MapReader) -> T?,
                           _ check: @escaping @Sendable (T) -> [Finding]) -> @Sendable (inout MapReader) -> T? {
        { r in
            let value = element(&r)
            if let value { check(value).forEach(r.context.report) }
            return value
        }
    }

    /// `decode`, then the value checks of the model on what it read.
    static func checked<T>(_ decode: @escaping (SpecNode, DecodeContext) -> T?,
                           _ check: @escaping (T) -> [Finding]) -> (SpecNode, DecodeContext) -> T? {
        { node, context in
            let value = decode(node, context)
            if let value { check(value).forEach(context.report) }
            return value
        }
    }
}
