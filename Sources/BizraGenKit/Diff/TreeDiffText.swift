/// The human form of a ``TreeDiff``: files, then their objects, then field changes with YAML paths.
///
/// ```
/// ~ k8s/03-workloads.yaml
///   ~ Deployment.apps bizra-production/bizra-node0
///       spec.template.spec.containers[name=bizra-node0].image: "ghcr.io/bizra/node:v2.2.0" -> "ghcr.io/bizra/node:v2.3.0"
/// ```
public struct TreeDiffText: Sendable {
    /// ANSI colours (green added, red removed, yellow changed).
    public var color: Bool
    /// At most this many field changes (and text lines) per object or file; nil: all.
    public var limit: Int?

    public init(color: Bool = false, limit: Int? = nil) {
        self.color = color
        self.limit = limit
    }

    public func render(_ diff: TreeDiff, includeFormatting: Bool = false) -> String {
        var lines: [String] = []
        for file in diff.files where includeFormatting || !file.formattingOnly {
            var header = "\(marker(file.change)) \(bold(file.path))"
            if file.formattingOnly { header += " (formatting only: no object differs)" }
            if let text = file.lines { header += " (\(text.summary))" }
            lines.append(header)
            for object in file.objects {
                var line = "  \(marker(object.change)) \(object.identity)"
                if let moved = object.movedFrom { line += " (moved from \(moved))" }
                lines.append(line)
                lines += capped(object.fields.flatMap(fieldLines), indent: "      ")
            }
            if let text = file.lines {
                lines += capped(text.lines.map(textLine), indent: "    ")
            }
        }
        let summary = diff.summary
        if lines.isEmpty { return "no differences" }
        lines.append("\(summary.changed) object\(summary.changed == 1 ? "" : "s") changed, \(summary.added) added, "
                     + "\(summary.removed) removed; \(summary.files) other file\(summary.files == 1 ? "" : "s") changed")
        return lines.joined(separator: "\n")
    }

    private func fieldLines(_ field: FieldChange) -> [String] {
        switch field.kind {
        case .added: return [paint("32", "+ \(field.path): \(YAMLValueText.inline(field.new ?? .null))")]
        case .removed: return [paint("31", "- \(field.path): \(YAMLValueText.inline(field.old ?? .null))")]
        case .changed:
            if case let .string(a)? = field.old, case let .string(b)? = field.new, a.contains("\n") || b.contains("\n") {
                let text = LineDiff(old: a, new: b)
                return ["\(paint("33", "~")) \(field.path): text (\(text.summary))"] + text.lines.map { "    " + textLine($0) }
            }
            return ["\(paint("33", "~")) \(field.path): \(paint("31", YAMLValueText.inline(field.old ?? .null))) -> "
                    + paint("32", YAMLValueText.inline(field.new ?? .null))]
        }
    }

    private func textLine(_ line: LineDiff.Line) -> String {
        line.inserted ? paint("32", "+\(line.number): \(line.text)") : paint("31", "-\(line.number): \(line.text)")
    }

    private func capped(_ lines: [String], indent: String) -> [String] {
        guard let limit, lines.count > limit else { return lines.map { indent + $0 } }
        return lines.prefix(limit).map { indent + $0 } + ["\(indent)... \(lines.count - limit) more (bizra-gen diff shows all)"]
    }

    private func marker(_ change: TreeDiff.Change) -> String {
        switch change {
        case .added: paint("32", "+")
        case .removed: paint("31", "-")
        case .changed: paint("33", "~")
        }
    }

    private func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private func paint(_ code: String, _ text: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
}

/// The JSON form of a ``TreeDiff`` (`bizra-gen diff --format json`).
public enum TreeDiffJSON {
    /// `{"files": [{"path", "change", "objects": [{"group", "kind", "namespace", "name", "id", "change", "movedFrom", "fields": [{"path", "change", "old", "new"}]}], "lines": {...}}], "summary": {...}}`
    public static func object(_ diff: TreeDiff, includeFormatting: Bool = false) -> [String: Any] {
        let files: [[String: Any]] = diff.files.filter { includeFormatting || !$0.formattingOnly }.map { file in
            var item: [String: Any] = ["path": file.path, "change": file.change.rawValue, "formattingOnly": file.formattingOnly]
            item["objects"] = file.objects.map { object -> [String: Any] in
                var value: [String: Any] = [
                    "id": object.identity.description, "group": object.identity.group, "kind": object.identity.kind,
                    "namespace": object.identity.namespace, "name": object.identity.name, "cluster": object.identity.cluster,
                    "change": object.change.rawValue,
                ]
                if let moved = object.movedFrom { value["movedFrom"] = moved }
                value["fields"] = object.fields.map { field -> [String: Any] in
                    var change: [String: Any] = ["path": field.path, "change": field.kind.rawValue]
                    if let old = field.old { change["old"] = YAMLValueText.json(old) }
                    if let new = field.new { change["new"] = YAMLValueText.json(new) }
                    return change
                }
                return value
            }
            if let text = file.lines {
                item["lines"] = ["added": text.insertions, "removed": text.removals,
                                 "changes": text.lines.map { ["line": $0.number, "change": $0.inserted ? "added" : "removed", "text": $0.text] }]
            }
            return item
        }
        let summary = diff.summary
        return ["files": files, "summary": ["added": summary.added, "removed": summary.removed, "changed": summary.changed,
                                            "otherFiles": summary.files], "changed": !diff.isEmpty]
    }
}
