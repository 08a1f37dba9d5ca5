/// Field-level differences of two parsed YAML values, by meaning: key order is ignored, maps are
/// compared key by key, and lists whose items all have a unique `name` are matched by name (so
/// inserting a container reports one added item, not every later item changed).
public enum ValueDiff {
    /// Whether two values mean the same, ignoring key order.
    public static func same(_ old: YAMLValue, _ new: YAMLValue) -> Bool {
        switch (old, new) {
        case let (.map(a), .map(b)):
            guard a.count == b.count else { return false }
            return a.entries.allSatisfy { entry in b[entry.key].map { same(entry.value, $0) } ?? false }
        case let (.list(a), .list(b)):
            return a.count == b.count && zip(a, b).allSatisfy(same)
        case let (.int(a), .double(b)), let (.double(b), .int(a)):
            return Double(a) == b
        default:
            return old == new
        }
    }

    /// The changes from `old` to `new`, in the order of `new`'s keys, then removed keys in `old`'s order.
    public static func changes(from old: YAMLValue, to new: YAMLValue, at path: String = "") -> [FieldChange] {
        if same(old, new) { return [] }
        switch (old, new) {
        case let (.map(a), .map(b)):
            var result: [FieldChange] = []
            for entry in b.entries {
                let child = join(path, key: entry.key)
                if let before = a[entry.key] {
                    result += changes(from: before, to: entry.value, at: child)
                } else {
                    result.append(FieldChange(path: child, kind: .added, old: nil, new: entry.value))
                }
            }
            for entry in a.entries where b[entry.key] == nil {
                result.append(FieldChange(path: join(path, key: entry.key), kind: .removed, old: entry.value, new: nil))
            }
            return result
        case let (.list(a), .list(b)):
            if let aNames = names(a), let bNames = names(b) {
                var result: [FieldChange] = []
                for (name, item) in zip(bNames, b) {
                    let child = "\(path)[name=\(name)]"
                    if let index = aNames.firstIndex(of: name) {
                        result += changes(from: a[index], to: item, at: child)
                    } else {
                        result.append(FieldChange(path: child, kind: .added, old: nil, new: item))
                    }
                }
                for (name, item) in zip(aNames, a) where !bNames.contains(name) {
                    result.append(FieldChange(path: "\(path)[name=\(name)]", kind: .removed, old: item, new: nil))
                }
                return result
            }
            var result: [FieldChange] = []
            for index in 0..<max(a.count, b.count) {
                let child = "\(path)[\(index)]"
                switch (index < a.count ? a[index] : nil, index < b.count ? b[index] : nil) {
                case let (before?, after?): result += changes(from: before, to: after, at: child)
                case let (nil, after?): result.append(FieldChange(path: child, kind: .added, old: nil, new: after))
                case let (before?, nil): result.append(FieldChange(path: child, kind: .removed, old: before, new: nil))
                case (nil, nil): break
                }
            }
            return result
        default:
            return [FieldChange(path: path, kind: .changed, old: old, new: new)]
        }
    }

    /// The names of a list's items when every item is a map with a unique string `name`.
    private static func names(_ list: [YAMLValue]) -> [String]? {
        guard !list.isEmpty else { return nil }
        let names = list.compactMap { $0["name"]?.stringValue }
        guard names.count == list.count, Set(names).count == names.count else { return nil }
        return names
    }

    /// `a.b`, or `a["x.y"]` for keys that a dotted path would misread.
    static func join(_ path: String, key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "/"
        }
        let segment = plain ? key : "[\(YAMLValueText.inline(.string(key)))]"
        if path.isEmpty { return plain ? key : segment }
        return plain ? "\(path).\(key)" : "\(path)\(segment)"
    }
}
