/// Checks on the names an output tree may use, made before anything is written.
enum OutputPath {
    /// Throws unless every path is relative, with no empty, `.` or `..` component, and no
    /// path is both a file and a folder of another file.
    static func validate(_ tree: OutputTree) throws {
        var folders: Set<String> = []
        for path in tree.sortedPaths {
            let components = try self.components(path)
            for end in 1..<components.count {
                folders.insert(components[..<end].joined(separator: "/"))
            }
        }
        if let clash = tree.sortedPaths.first(where: folders.contains) {
            throw OutputError.invalidPath(clash, reason: "it is both a file and a folder")
        }
    }

    /// The components of a relative path, or an error saying why it is not one.
    static func components(_ path: String) throws -> [String] {
        if path.isEmpty { throw OutputError.invalidPath(path, reason: "it is empty") }
        if path.hasPrefix("/") { throw OutputError.invalidPath(path, reason: "it is absolute") }
        if path.unicodeScalars.contains("\0") { throw OutputError.invalidPath(path, reason: "it contains a NUL character") }
        let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if components.contains("") { throw OutputError.invalidPath(path, reason: "it has an empty component") }
        if components.contains(where: { $0 == "." || $0 == ".." }) {
            throw OutputError.invalidPath(path, reason: "it has a '.' or '..' component")
        }
        return components
    }

    /// Throws unless `subdir` is one plain folder name that does not start with a dot
    /// (names starting with a dot are the writer's own: the lock, temporary and old folders).
    static func validateSubdir(_ subdir: String) throws {
        if subdir.contains("/") { throw OutputError.invalidPath(subdir, reason: "the output folder must be a single name") }
        _ = try components(subdir)
        if subdir.hasPrefix(".") { throw OutputError.invalidPath(subdir, reason: "the output folder must not start with '.'") }
    }
}
