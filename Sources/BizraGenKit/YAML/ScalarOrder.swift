extension String {
    /// Orders strings by their Unicode scalar values, independent of locale and normalization.
    static func scalarOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }
}
