extension String {
    /// Orders strings by their Unicode scalar values, independent of locale and normalization:
    /// the one order of every sorted name, key and path bizra-gen reads or writes.
    /// UTF-8 byte order is Unicode scalar order, so the bytes are compared directly.
    public static func scalarOrder(_ lhs: String, _ rhs: String) -> Bool {
        compareScalars(lhs, rhs) < 0
    }

    /// Negative when `lhs` comes first in scalar order, zero when the two are the same scalars,
    /// positive otherwise. One pass over contiguous bytes: output order sorts millions of keys.
    public static func compareScalars(_ lhs: String, _ rhs: String) -> Int {
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                for index in 0..<Swift.min(left.count, right.count) where left[index] != right[index] {
                    return left[index] < right[index] ? -1 : 1
                }
                return left.count - right.count
            }
        }
    }
}
