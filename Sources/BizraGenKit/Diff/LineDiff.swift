/// Line-level differences of two texts (non-YAML files, multi-line strings inside objects).
public struct LineDiff: Equatable, Sendable {
    /// A removed or inserted line, with its 1-based line number in the old or new text.
    public struct Line: Equatable, Sendable {
        public var inserted: Bool
        public var number: Int
        public var text: String
    }

    /// Removals (by old line number) then insertions (by new line number).
    public var lines: [Line]

    public var insertions: Int { lines.filter(\.inserted).count }
    public var removals: Int { lines.count - insertions }
    public var isEmpty: Bool { lines.isEmpty }

    public init(old: String, new: String) {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var removed: [Line] = [], inserted: [Line] = []
        for change in b.difference(from: a) {
            switch change {
            case let .remove(offset, element, _): removed.append(Line(inserted: false, number: offset + 1, text: element))
            case let .insert(offset, element, _): inserted.append(Line(inserted: true, number: offset + 1, text: element))
            }
        }
        lines = removed.sorted { $0.number < $1.number } + inserted.sorted { $0.number < $1.number }
    }

    /// `+2 -1 lines`.
    public var summary: String { "+\(insertions) -\(removals) line\(insertions + removals == 1 ? "" : "s")" }
}
