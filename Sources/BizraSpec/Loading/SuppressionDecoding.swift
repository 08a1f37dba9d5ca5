extension Decode {
    /// A `suppressions:` entry; `at` is resolved in `root`, the whole spec as read, to the lines it spans.
    static func suppression(in root: SpecNode) -> @Sendable (inout MapReader) -> Suppression? {
        checked({ r in
            let rule = r.required("rule", Decode.string)
            let reason = r.required("reason", Decode.string)
            let at = r.optional("at", Decode.string)
            guard let rule, let reason else { return nil }
            var suppression = Suppression(rule: rule, at: at, reason: reason)
            suppression.source = r.source
            if let at, let node = r.raw("at") {
                switch SpecPath.region(of: at, in: root) {
                case .success(let regions): suppression.regions = regions
                case .failure(let problem):
                    r.context.report("SPEC002", "'at: \(at)' names no part of the spec: \(problem.message)", at: node)
                    return nil
                }
            }
            return suppression
        }, SpecValues.suppression)
    }
}

/// Paths into the spec as read (`caching.redis`, `services.web.autoscaling`): mapping keys, and
/// list items by their `name` (or by index).
enum SpecPath {
    /// The lines of the part `path` names, in each file that writes part of it: from its first
    /// node (its key) to its last there.
    static func region(of path: String, in root: SpecNode) -> Result<[SourceRegion], PathProblem> {
        var node = root
        var start = root.location
        var walked: [String] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            let here = walked.isEmpty ? "the spec" : walked.joined(separator: ".")
            switch node {
            case .mapping(let mapping):
                guard let pair = mapping.pairs.first(where: { $0.key.string == part }) else {
                    return .failure(PathProblem("\(here) has no '\(part)' (it has \(mapping.pairs.compactMap { $0.key.string }.joined(separator: ", ")))"))
                }
                start = pair.key.location
                node = pair.value
            case .sequence(let list):
                let named = list.items.first { item in
                    if case .mapping(let mapping) = item { return mapping["name"]?.string == part }
                    return false
                }
                guard let item = named ?? Int(part).flatMap({ list.items.indices.contains($0) ? list.items[$0] : nil }) else {
                    return .failure(PathProblem("\(here) has no item named '\(part)'"))
                }
                start = item.location
                node = item
            case .scalar:
                return .failure(PathProblem("\(here) is a value, with nothing inside"))
            }
            walked.append(part)
        }
        var lines: [String: ClosedRange<Int>] = [start.file: start.line...start.line]
        extend(&lines, with: node)
        return .success(lines.keys.sorted().map { SourceRegion(file: $0, lines: lines[$0]!) })
    }

    private static func extend(_ lines: inout [String: ClosedRange<Int>], with node: SpecNode) {
        let location = node.location
        if let range = lines[location.file] {
            lines[location.file] = min(range.lowerBound, location.line)...max(range.upperBound, location.line)
        } else {
            lines[location.file] = location.line...location.line
        }
        switch node {
        case .scalar: break
        case .mapping(let mapping):
            for pair in mapping.pairs {
                extend(&lines, with: pair.key)
                extend(&lines, with: pair.value)
            }
        case .sequence(let list):
            for item in list.items { extend(&lines, with: item) }
        }
    }

    struct PathProblem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
