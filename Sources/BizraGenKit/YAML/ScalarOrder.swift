extension String {
    /// Orders strings by their Unicode scalar values, independent of locale and normalization.
    /// UTF-8 byte order is Unicode scalar order, so the bytes are compared directly.
    static func scalarOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
