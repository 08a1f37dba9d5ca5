/// libyaml's syntax errors in the format's words, for the mistakes a newcomer makes most: a tab
/// in the indentation, a key indented under a key that already has a value, and a key indented
/// to no level of the keys above it (reported by libyaml a line late, as "did not find expected
/// key"). Each names the key, how it is indented, and the indentation that puts it where it
/// likely belongs; nil when the lines up to the error show none of these.
struct IndentationHint {
    var line: Int
    var column: Int
    var message: String
    var notes: [(message: String, line: Int)]

    private struct Line {
        var number: Int
        var indent: Int
        var key: String?
        /// `key:` with nothing after it, or `- key:`: what follows indented is its value.
        var opensBlock: Bool
        var isItem: Bool
        /// Where the key stands: past the dash of a list item.
        var keyIndent: Int { isItem ? indent + 2 : indent }
    }

    /// A level of indentation: the keys written at it and the key they belong to.
    private struct Level {
        var indent: Int
        var parent: String?
        var sibling: String?
        var siblingLine: Int
    }

    static func find(in bytes: [UInt8], upTo errorLine: Int) -> IndentationHint? {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines: [Line] = []
        var blockScalarIndent: Int?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(errorLine).enumerated() {
            let content = raw.drop { $0 == " " }
            let indent = raw.count - content.count
            if content.first == "\t" {
                return IndentationHint(line: index + 1, column: indent + 1,
                                       message: "a tab indents line \(index + 1); YAML indents with spaces only: replace the tab with spaces (two per level)",
                                       notes: [])
            }
            let trimmed = content.trimmingTrailingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if let scalar = blockScalarIndent, indent > scalar { continue }
            blockScalarIndent = nil
            let isItem = trimmed.hasPrefix("- ") || trimmed == "-"
            let body = isItem ? String(trimmed.dropFirst(2)).drop { $0 == " " } : Substring(trimmed)
            let key = body.firstIndex(of: ":").flatMap { colon -> String? in
                let name = body[..<colon]
                return name.isEmpty || name.contains(" ") && !name.hasPrefix("\"") || name.hasPrefix("{") || name.hasPrefix("[") ? nil : String(name)
            }
            let value = key.map { body.dropFirst($0.count + 1).trimmingTrailingSpaces.drop { $0 == " " } } ?? ""
            if ["|", ">", "|-", ">-", "|+", ">+"].contains(String(value)) { blockScalarIndent = indent }
            // A flow collection left open continues on the lines below, indented as they like.
            let continues = value.last.map { "{[,".contains($0) } ?? false
            lines.append(Line(number: index + 1, indent: indent, key: key,
                              opensBlock: key != nil && value.isEmpty || isItem && key == nil || continues, isItem: isItem))
        }
        var levels = [Level(indent: 0, parent: nil, sibling: nil, siblingLine: 0)]
        var previous: Line?
        for line in lines {
            var top = levels[levels.count - 1]
            if line.indent > top.indent {
                guard let previous, previous.opensBlock else {
                    guard let previous, let key = line.key, let above = previous.key else { return nil }
                    return IndentationHint(
                        line: line.number, column: line.indent + 1,
                        message: "'\(key)' is indented \(spaces(line.indent)), more than '\(above)' above it (\(previous.keyIndent)), which already has a value, so YAML reads it as part of that value; indent it \(spaces(previous.keyIndent)) to make it a key beside '\(above)'",
                        notes: [("'\(above)' is here", previous.number)])
                }
                levels.append(Level(indent: line.indent, parent: previous.key ?? levels.last?.sibling, sibling: nil, siblingLine: line.number))
                top = levels[levels.count - 1]
            } else if line.indent < top.indent {
                var popped = levels.removeLast()
                while let last = levels.last, last.indent > line.indent { popped = levels.removeLast() }
                top = levels[levels.count - 1]
                if top.indent != line.indent, let key = line.key {
                    let inner = popped.parent.map { " under '\($0)'" } ?? ""
                    let beside = popped.sibling.map { " beside '\($0)'" } ?? ""
                    let outer = top.sibling.map { "beside '\($0)'" } ?? (top.parent.map { "under '\($0)'" } ?? "at the top level")
                    return IndentationHint(
                        line: line.number, column: line.indent + 1,
                        message: "'\(key)' is indented \(spaces(line.indent)), which matches no level above it: indent it \(popped.indent) to keep it\(inner)\(beside), or \(top.indent) to put it \(outer)",
                        notes: popped.sibling.map { [("'\($0)' is at \(spaces(popped.indent))", popped.siblingLine)] } ?? [])
                }
            }
            if let key = line.key {
                levels[levels.count - 1].sibling = key
                levels[levels.count - 1].siblingLine = line.number
            }
            if line.isItem, line.key != nil {
                // The item's other keys are indented past its dash.
                levels.append(Level(indent: line.indent + 2, parent: levels[levels.count - 1].sibling, sibling: line.key, siblingLine: line.number))
            }
            previous = line
        }
        return nil
    }
}

private func spaces(_ count: Int) -> String { count == 1 ? "1 space" : "\(count) spaces" }

private extension StringProtocol {
    var trimmingTrailingSpaces: SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\r" { end = index(before: end) }
        return self[startIndex..<end]
    }
}
