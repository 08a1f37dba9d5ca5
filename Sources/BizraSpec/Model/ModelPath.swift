/// Paths into a spec value (`caching.redis`, `services.web.autoscaling`), for the suppressions of
/// a spec built in Swift: the model's properties are the format's keys, so a path names the same
/// part of the value as of the YAML; list items go by their `name` (or by index).
enum ModelPath {
    /// Every place written in Swift inside the part of `spec` that `path` names.
    static func locations(of path: String, in spec: Spec) -> Result<Set<SourceLocation>, ModelPathProblem> {
        var value: Any = spec
        var walked: [String] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            let here = walked.isEmpty ? "the spec" : walked.joined(separator: ".")
            guard let next = child(part, of: value) else {
                let mirror = Mirror(reflecting: unwrapped(value))
                let parts = mirror.displayStyle == .collection
                    ? "it has no item named '\(part)'"
                    : "it has \(mirror.children.compactMap(\.label).filter { !isSource($0) }.joined(separator: ", "))"
                return .failure(ModelPathProblem(message: "\(here) has no '\(part)' (\(parts))"))
            }
            value = next
            walked.append(part)
        }
        var locations: Set<SourceLocation> = []
        collect(value, into: &locations)
        return .success(locations)
    }

    private static func isSource(_ label: String) -> Bool { label == "source" || label == "sourceMap" || label == "regions" }

    private static func unwrapped(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrapped($0.value) } ?? value
    }

    private static func child(_ part: String, of value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return child(part, of: wrapped)
        }
        if mirror.displayStyle == .collection {
            let items = mirror.children.map(\.value)
            if let named = items.first(where: { item in
                Mirror(reflecting: item).children.first { $0.label == "name" }?.value as? String == part
            }) { return named }
            return Int(part).flatMap { items.indices.contains($0) ? items[$0] : nil }
        }
        guard let found = mirror.children.first(where: { $0.label == part && !isSource(part) })?.value else { return nil }
        if Mirror(reflecting: found).displayStyle == .optional, Mirror(reflecting: found).children.isEmpty { return nil }
        return found
    }

    private static func collect(_ value: Any, into locations: inout Set<SourceLocation>) {
        if let map = value as? SourceMap {
            locations.formUnion(map.locations)
            return
        }
        for child in Mirror(reflecting: value).children { collect(child.value, into: &locations) }
    }
}

/// Why a path names no part of the spec.
struct ModelPathProblem: Error {
    var message: String
}

extension Spec {
    /// Every place written in Swift inside the part of the spec `path` names, or why it names none.
    func locations(at path: String) -> Result<Set<SourceLocation>, ModelPathProblem> {
        ModelPath.locations(of: path, in: self)
    }
}
