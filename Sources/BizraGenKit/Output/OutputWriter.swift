import Foundation

/// Reads and atomically replaces output folders under one output root (such as `./out`).
///
/// A write builds the new folder beside the old one as `.<subdir>.tmp-<random>`, hard-linking
/// every file whose content is unchanged (so its inode and mtime stay the same), then swaps it
/// in. A failed write removes its temporary folder and leaves the old one intact. Symbolic
/// links in the root, the folder or below are refused, and nothing outside the root is
/// touched. Concurrent writes on one root are serialized by a lock file in the root.
public struct OutputWriter: Sendable {
    /// Where a test makes a write fail.
    enum InjectedFailure: Equatable, Sendable {
        /// After this many files are in the temporary folder.
        case afterFiles(Int)
        /// After the old folder was moved aside, before the new one is moved in.
        case afterMovingOldTarget
    }

    /// The folder holding the output folders.
    public let outRoot: URL

    /// For tests only: makes writes fail at the given point.
    var injectedFailure: InjectedFailure?

    /// A writer for the output folders under `outRoot`.
    public init(outRoot: URL) {
        self.outRoot = outRoot
    }

    /// Replaces `outRoot/<subdir>` with `tree` atomically, creating the root when missing.
    /// When nothing differs, nothing on disk is touched.
    @discardableResult
    public func write(_ tree: OutputTree, into subdir: String) throws -> WriteReport {
        try OutputPath.validateSubdir(subdir)
        try OutputPath.validate(tree)
        let root = try openRoot(create: true)!
        let lock = try OutputLock.exclusive(in: root)
        defer { withExtendedLifetime(lock) {} }
        try recoverInterruptedWrite(of: subdir, in: root)
        let old = try existingFolder(subdir, in: root)
        let oldFiles = try old.map { try scan($0) } ?? [:]
        let report = Self.report(tree, against: oldFiles)
        if old != nil && report.isUnchanged { return report }

        let temporaryName = try unusedName(prefix: ".\(subdir).tmp-", in: root)
        try root.makeDirectory(temporaryName)
        var installed = false
        do {
            let temporary = try root.directory(temporaryName)
            try fill(temporary, with: tree, linkingFrom: old, unchanged: Set(report.unchanged))
            temporary.sync()
            try install(temporaryName, as: subdir, replacingOld: old != nil, in: root)
            installed = true
        } catch {
            if !installed { try? root.removeTree(temporaryName) }
            throw error
        }
        root.sync()
        return report
    }

    /// The tree in `outRoot/<subdir>`, or `nil` when it does not exist.
    public func read(subdir: String) throws -> OutputTree? {
        try OutputPath.validateSubdir(subdir)
        guard let root = try openRoot(create: false) else { return nil }
        let lock = try OutputLock.shared(in: root)
        defer { withExtendedLifetime(lock) {} }
        return try existingFolder(subdir, in: root).map { OutputTree(files: try scan($0)) }
    }

    /// How `outRoot/<subdir>` differs from `tree`, by path in Unicode scalar order:
    /// `added` files are in `tree` only, `removed` ones on disk only.
    public func stale(_ tree: OutputTree, in subdir: String) throws -> [FileDrift] {
        try OutputPath.validate(tree)
        let existing = try read(subdir: subdir)?.files ?? [:]
        let paths = Set(tree.files.keys).union(existing.keys).sorted(by: String.scalarOrder)
        return paths.compactMap { path in
            switch (tree.files[path], existing[path]) {
            case (_?, nil): FileDrift(path: path, change: .added)
            case (nil, _?): FileDrift(path: path, change: .removed)
            case let (new?, old?) where new != old: FileDrift(path: path, change: .changed)
            default: nil
            }
        }
    }

    private static func report(_ tree: OutputTree, against old: [String: Data]) -> WriteReport {
        var report = WriteReport()
        for path in tree.sortedPaths {
            if old[path] == tree.files[path] {
                report.unchanged.append(path)
            } else {
                report.written.append(path)
            }
        }
        report.removed = old.keys.filter { tree.files[$0] == nil }.sorted(by: String.scalarOrder)
        return report
    }

    private func fill(_ temporary: Directory, with tree: OutputTree, linkingFrom old: Directory?, unchanged: Set<String>) throws {
        for (count, path) in tree.sortedPaths.enumerated() {
            if case let .afterFiles(limit) = injectedFailure, count >= limit {
                throw OutputError.io(path: temporary.child(path), operation: "write (injected failure)", errno: EIO)
            }
            let components = try OutputPath.components(path)
            let folder = try temporary.directories(components.dropLast(), create: true)
            let name = components.last!
            if unchanged.contains(path), let old,
               let source = try? old.directories(components.dropLast(), create: false),
               folder.link(name, from: source, name) {
                continue
            }
            try folder.createFile(name, contents: tree.files[path]!)
        }
    }

    private func install(_ temporaryName: String, as subdir: String, replacingOld: Bool, in root: Directory) throws {
        guard replacingOld else {
            try root.rename(temporaryName, to: subdir)
            return
        }
        let oldName = try unusedName(prefix: ".\(subdir).old-", in: root)
        try root.rename(subdir, to: oldName)
        do {
            if injectedFailure == .afterMovingOldTarget {
                throw OutputError.io(path: root.child(temporaryName), operation: "rename (injected failure)", errno: EIO)
            }
            try root.rename(temporaryName, to: subdir)
        } catch {
            try? root.rename(oldName, to: subdir)
            throw error
        }
        try? root.removeTree(oldName)
    }

    /// The root folder, refusing a symbolic link; `nil` when missing and `create` is false.
    private func openRoot(create: Bool) throws -> Directory? {
        var path = outRoot.path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        if create {
            try Directory.makePath(path)
        } else if !FileManager.default.fileExists(atPath: path) {
            return nil
        }
        return try Directory.open(path: path)
    }

    /// The existing output folder, or `nil` when absent; a link or file there is refused.
    private func existingFolder(_ subdir: String, in root: Directory) throws -> Directory? {
        guard try root.kind(subdir) != nil else { return nil }
        return try root.directory(subdir)
    }

    /// Every file below `folder` by relative path; refuses links and special files.
    private func scan(_ folder: Directory, prefix: String = "") throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try folder.names() {
            let path = prefix + name
            switch try folder.kind(name) {
            case .directory?:
                files.merge(try scan(folder.directory(name), prefix: path + "/")) { new, _ in new }
            case .file?:
                files[path] = try folder.readFile(name)
            case .symlink?:
                throw OutputError.symlink(path: folder.child(name))
            case let .other(found)?:
                throw OutputError.unexpectedFileType(path: folder.child(name), found: found)
            case nil:
                continue
            }
        }
        return files
    }

    /// Cleans up after a write that was killed, safe under the lock: when it died between
    /// moving the old folder aside and moving the new one in, the old folder is moved back;
    /// then the temporary and old folders it left are removed.
    private func recoverInterruptedWrite(of subdir: String, in root: Directory) throws {
        let names = try root.names()
        if try root.kind(subdir) == nil, let old = names.first(where: { $0.hasPrefix(".\(subdir).old-") }),
           try root.kind(old) == .directory {
            try root.rename(old, to: subdir)
        }
        for name in names where name.hasPrefix(".\(subdir).tmp-") || name.hasPrefix(".\(subdir).old-") {
            try root.removeTree(name)
        }
    }

    private func unusedName(prefix: String, in root: Directory) throws -> String {
        while true {
            let name = prefix + String(UInt64.random(in: .min ... .max), radix: 36)
            if try root.kind(name) == nil { return name }
        }
    }
}
