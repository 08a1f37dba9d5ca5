import Foundation

/// How one output tree differs from another, object by object: Kubernetes objects are matched by
/// identity (group, kind, namespace, name) across the whole tree, whatever file holds them, and
/// compared by meaning; other files (VCL, k6 scripts, shell) are compared line by line.
public struct TreeDiff: Sendable {
    /// What happened to an object or a file.
    public enum Change: String, Equatable, Sendable {
        case added, removed, changed
    }

    /// One object that differs.
    public struct ObjectChange: Sendable {
        public var identity: ObjectIdentity
        public var change: Change
        /// The file that holds it in the new tree (the old tree for a removed object).
        public var file: String
        /// Set when the object moved from another file.
        public var movedFrom: String?
        /// For `changed`: the fields that differ (empty when only the file changed).
        public var fields: [FieldChange]
    }

    /// One file that differs, with the objects it holds that differ.
    public struct FileChange: Sendable {
        public var path: String
        public var change: Change
        /// The objects of this file that differ, by identity.
        public var objects: [ObjectChange]
        /// For a file that is not YAML (or not parseable as such), its changed lines.
        public var lines: LineDiff?
        /// A YAML file whose bytes differ while every object means the same: comments, quoting, order.
        public var formattingOnly: Bool
    }

    /// Every file that differs, by path in Unicode scalar order.
    public var files: [FileChange]

    /// Whether the trees mean the same (formatting-only differences aside).
    public var isEmpty: Bool { files.allSatisfy(\.formattingOnly) }
    /// Every object that differs, in file order.
    public var objects: [ObjectChange] { files.flatMap(\.objects) }

    /// The differences from `old` to `new`.
    public init(old: OutputTree, new: OutputTree) {
        let paths = Set(old.files.keys).union(new.files.keys).sorted(by: String.scalarOrder)
        var oldObjects: [ObjectIdentity: (file: String, value: YAMLValue)] = [:]
        var newObjects: [ObjectIdentity: (file: String, value: YAMLValue)] = [:]
        var oldOrder: [ObjectIdentity] = [], newOrder: [ObjectIdentity] = []
        var byFile: [String: FileChange] = [:]
        var yamlPaths: [String] = []

        for path in paths {
            let before = old.files[path], after = new.files[path]
            let change: Change = before == nil ? .added : after == nil ? .removed : .changed
            if let before, let after, before == after, !ManifestDocuments.isYAML(path) { continue }
            if ManifestDocuments.isYAML(path),
               let a = try? before.map({ try Self.documents($0, path) }) ?? [],
               let b = try? after.map({ try Self.documents($0, path) }) ?? [] {
                Self.collect(a, file: path, into: &oldObjects, order: &oldOrder)
                Self.collect(b, file: path, into: &newObjects, order: &newOrder)
                yamlPaths.append(path)
                if before != after {
                    byFile[path] = FileChange(path: path, change: change, objects: [], lines: nil, formattingOnly: false)
                }
                continue
            }
            let text = { (data: Data?) in data.map { String(decoding: $0, as: UTF8.self) } ?? "" }
            byFile[path] = FileChange(path: path, change: change, objects: [],
                                      lines: LineDiff(old: text(before), new: text(after)), formattingOnly: false)
        }

        var changes: [ObjectChange] = []
        for identity in newOrder {
            let after = newObjects[identity]!
            guard let before = oldObjects[identity] else {
                changes.append(ObjectChange(identity: identity, change: .added, file: after.file, movedFrom: nil, fields: []))
                continue
            }
            let fields = ValueDiff.changes(from: before.value, to: after.value)
            let moved = before.file == after.file ? nil : before.file
            if !fields.isEmpty || moved != nil {
                changes.append(ObjectChange(identity: identity, change: .changed, file: after.file, movedFrom: moved, fields: fields))
            }
        }
        for identity in oldOrder where newObjects[identity] == nil {
            let before = oldObjects[identity]!
            changes.append(ObjectChange(identity: identity, change: .removed, file: before.file, movedFrom: nil, fields: []))
        }
        for object in changes {
            byFile[object.file, default: FileChange(path: object.file, change: .changed, objects: [], lines: nil,
                                                    formattingOnly: false)].objects.append(object)
        }
        for path in yamlPaths where byFile[path]?.objects.isEmpty == true && byFile[path]?.change == .changed {
            byFile[path]?.formattingOnly = true
        }
        files = byFile.keys.sorted(by: String.scalarOrder).map { path in
            var file = byFile[path]!
            file.objects.sort { ($0.change == .removed ? 1 : 0, $0.identity) < ($1.change == .removed ? 1 : 0, $1.identity) }
            return file
        }
    }

    private static func documents(_ data: Data, _ path: String) throws -> [YAMLValue] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ManifestDocuments.ParseError(file: path, message: "not UTF-8")
        }
        return try ManifestDocuments.parse(text, file: path)
    }

    private static func collect(_ documents: [YAMLValue], file: String,
                                into objects: inout [ObjectIdentity: (file: String, value: YAMLValue)],
                                order: inout [ObjectIdentity]) {
        for (index, value) in documents.enumerated() {
            var identity = ObjectIdentity(of: value, file: file, index: index)
            if objects[identity] != nil { identity.document = "\(file)#\(index)" }
            objects[identity] = (file, value)
            order.append(identity)
        }
    }
}

extension TreeDiff {
    /// Counts for the summary line.
    public struct Summary: Equatable, Sendable {
        public var added = 0, removed = 0, changed = 0, files = 0

        public init(added: Int = 0, removed: Int = 0, changed: Int = 0, files: Int = 0) {
            self.added = added
            self.removed = removed
            self.changed = changed
            self.files = files
        }
    }

    public var summary: Summary {
        var summary = Summary()
        for object in objects {
            switch object.change {
            case .added: summary.added += 1
            case .removed: summary.removed += 1
            case .changed: summary.changed += 1
            }
        }
        summary.files = files.filter { $0.lines != nil }.count
        return summary
    }
}
