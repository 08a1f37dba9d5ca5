/// What a write did, by relative path, each list in Unicode scalar order.
public struct WriteReport: Equatable, Sendable {
    /// Files written fresh: new, or with changed content.
    public var written: [String]
    /// Files whose content was already right, kept as they were (same inode, same mtime).
    public var unchanged: [String]
    /// Files of the previous tree that the new one no longer has.
    public var removed: [String]

    /// A report of the given paths.
    public init(written: [String] = [], unchanged: [String] = [], removed: [String] = []) {
        self.written = written
        self.unchanged = unchanged
        self.removed = removed
    }

    /// Whether the write changed nothing on disk.
    public var isUnchanged: Bool { written.isEmpty && removed.isEmpty }
}

/// One file on which an output folder differs from a fresh build.
public struct FileDrift: Equatable, Sendable, CustomStringConvertible {
    /// How the file differs.
    public enum Change: String, Equatable, Sendable {
        /// The build has the file; the folder does not.
        case added
        /// The folder has the file; the build does not.
        case removed
        /// Both have it, with different content.
        case changed
    }

    /// The path relative to the output folder.
    public var path: String
    /// How it differs.
    public var change: Change

    /// A drift of `path`.
    public init(path: String, change: Change) {
        self.path = path
        self.change = change
    }

    public var description: String { "\(change.rawValue) \(path)" }
}
