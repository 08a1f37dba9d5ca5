/// Whether an earlier cache rule's regular expression matches every URL a later one does, so the
/// later rule (first match wins) can never apply. Decided for the forms cache rules take: a literal,
/// optionally anchored with `^`, optionally followed by `.*`, against a later pattern whose literal
/// start is known.
public enum CacheRuleCoverage {
    /// The literal text a pattern requires at its start, and whether it is anchored; `complete` when
    /// the whole pattern is that literal (or the literal followed by `.*`).
    public struct LiteralPrefix: Equatable, Sendable {
        public var text: String
        public var anchored: Bool
        public var complete: Bool
    }

    static let metacharacters: Set<Character> = [".", "[", "]", "(", ")", "{", "}", "*", "+", "?", "|", "^", "$", "\\"]
    static let quantifiers: Set<Character> = ["*", "+", "?", "{"]

    public static func literalPrefix(_ pattern: String) -> LiteralPrefix {
        var characters = Array(pattern)
        let anchored = characters.first == "^"
        if anchored { characters.removeFirst() }
        var literal: [Character] = []
        var i = 0
        while i < characters.count {
            let c = characters[i]
            var next: Character
            var width = 1
            if c == "\\", i + 1 < characters.count, !characters[i + 1].isLetter, !characters[i + 1].isNumber {
                next = characters[i + 1]
                width = 2
            } else if metacharacters.contains(c) {
                break
            } else {
                next = c
            }
            if i + width < characters.count, quantifiers.contains(characters[i + width]) {
                // The character is optional or repeated: only what precedes it is required.
                return LiteralPrefix(text: String(literal), anchored: anchored, complete: false)
            }
            literal.append(next)
            i += width
        }
        let rest = String(characters[i...])
        return LiteralPrefix(text: String(literal), anchored: anchored, complete: rest.isEmpty || rest == ".*")
    }

    /// Whether `earlier` matches every URL `later` matches.
    public static func covers(_ earlier: String, _ later: String) -> Bool {
        if earlier == later { return true }
        if later.contains("|") { return false }
        let first = literalPrefix(earlier), second = literalPrefix(later)
        guard first.complete else { return false }
        if first.anchored {
            return second.anchored && second.text.hasPrefix(first.text)
        }
        return second.text.contains(first.text)
    }
}
