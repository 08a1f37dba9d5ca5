extension String {
    /// Whether `needle` occurs in the string, compared byte for byte in UTF-8: no locale, no
    /// normalization, no bridging. For the short markers the rules look for, linear in the string.
    func containsUTF8(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { marker in
                guard let first = marker.first else { return true }
                guard text.count >= marker.count else { return false }
                var start = 0
                while start <= text.count - marker.count {
                    if text[start] == first && (1..<marker.count).allSatisfy({ text[start + $0] == marker[$0] }) {
                        return true
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
