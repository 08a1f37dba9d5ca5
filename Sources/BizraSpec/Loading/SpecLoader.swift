import Foundation

/// Loads a spec from YAML: one file, or a folder whose files each define some top-level
/// sections, optionally overlaid by `environments/NAME.yaml`.
public struct SpecLoader: Sendable {
    /// The top-level sections of the format, in their conventional order.
    public static let sections = ["version", "platform", "sla", "services", "databases", "external",
                                  "routes", "observability", "caching", "chaos", "regions", "benchmarks", "suppressions"]

    /// The bounds every file read is checked against (SPEC008).
    public var limits: LoadLimits

    /// When set, each load compares every mapping the decoder reads with the format (the format's tests).
    var audit: FormatAudit?

    /// A loader with `limits`.
    public init(limits: LoadLimits = .default) { self.limits = limits }

    /// Loads the spec at `path` (file or folder) for `environment` (nil: the base spec as written).
    public func load(path: String, environment: String? = nil) throws(SpecError) -> Spec {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SpecError([Finding(rule: "SPEC007", message: "no spec at '\(path)'", at: nil)])
        }
        let files = isDirectory.boolValue ? try specFiles(in: path) : [path]
        var root = try combine(files.map { (file: $0, node: SpecFileReader(limits: limits).read($0)) })
        if let environment, let overlay = try overlayFile(for: environment, path: path, isDirectory: isDirectory.boolValue, root: root) {
            root = NodeMerge.merge(root, try read(overlay))
        }
        return try decode(root)
    }

    /// Loads a spec from text, its locations naming `file`.
    public func load(text: String, file: String = "spec.yaml") throws(SpecError) -> Spec {
        switch SpecFileReader(limits: limits).parse(Array(text.utf8), file: file) {
        case .success(let node): return try decode(node)
        case .failure(let error): throw error
        }
    }

    private func read(_ path: String) throws(SpecError) -> SpecNode {
        switch SpecFileReader(limits: limits).read(path) {
        case .success(let node): return node
        case .failure(let error): throw error
        }
    }

    private func specFiles(in directory: String) throws(SpecError) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted(by: String.scalarOrder)
            .map { (directory as NSString).appendingPathComponent($0) }
        guard !files.isEmpty else {
            throw SpecError([Finding(rule: "SPEC003", message: "no .yaml files in '\(directory)'", at: nil)])
        }
        return files
    }

    /// Loads a spec from in-memory files (name to text), optionally overlaid by `overlay` text:
    /// the embedded reference spec, and the examples of the rules, are read this way.
    public func load(files: [String: String], overlay: (file: String, text: String)? = nil) throws(SpecError) -> Spec {
        let reader = SpecFileReader(limits: limits)
        var root = try combine(files.keys.sorted().map { (file: $0, node: reader.parse(Array(files[$0]!.utf8), file: $0)) })
        if let overlay {
            switch reader.parse(Array(overlay.text.utf8), file: overlay.file) {
            case .success(let node): root = NodeMerge.merge(root, node)
            case .failure(let error): throw error
            }
        }
        return try decode(root)
    }

    /// The reference platform built into the binary (`bizra-gen init` writes it).
    public func loadReference(overlay: (file: String, text: String)? = nil) throws(SpecError) -> Spec {
        try load(files: EmbeddedReferenceSpec.all, overlay: overlay)
    }

    /// One mapping of all sections; a section in two files is SPEC004.
    private func combine(_ documents: [(file: String, node: Result<SpecNode, SpecError>)]) throws(SpecError) -> SpecNode {
        var pairs: [(key: SpecNode, value: SpecNode)] = []
        var findings: [Finding] = []
        var first: SpecNode?
        for document in documents {
            let node: SpecNode
            switch document.node {
            case .success(let parsed): node = parsed
            case .failure(let error): findings += error.findings; continue
            }
            first = first ?? node
            guard case .mapping(let mapping) = node else { continue }
            for pair in mapping.pairs {
                if let existing = pairs.first(where: { $0.key.string == pair.key.string }) {
                    findings.append(Finding(rule: "SPEC004",
                                            message: "section '\(pair.key.string ?? "")' is defined in two files",
                                            at: pair.key.location, notes: [.init("first defined here", at: existing.key.location)]))
                } else {
                    pairs.append(pair)
                }
            }
        }
        guard findings.isEmpty, let first else { throw SpecError(findings) }
        return .mapping(SpecNode.Mapping(pairs: pairs, location: first.location))
    }

    private func overlayFile(for environment: String, path: String, isDirectory: Bool,
                             root: SpecNode) throws(SpecError) -> String? {
        let folder = isDirectory ? path : (path as NSString).deletingLastPathComponent
        for ext in ["yaml", "yml"] {
            let candidate = ((folder as NSString).appendingPathComponent("environments") as NSString)
                .appendingPathComponent("\(environment).\(ext)")
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        if case .mapping(let mapping) = root, mapping["platform"].flatMap({ node -> String? in
            if case .mapping(let platform) = node { return platform["environment"]?.string }
            return nil
        }) == environment {
            return nil
        }
        let known = SpecLoader.environments(at: path)
        var message = "no environment '\(environment)': expected environments/\(environment).yaml beside the spec"
        if let hint = DidYouMean.phrase(for: environment, among: known) { message += "; \(hint)" }
        throw SpecError([Finding(rule: "SPEC003", message: message, at: nil,
                                 notes: known.isEmpty ? [] : [.init("environments: \(known.joined(separator: ", "))")])])
    }

    /// The environments a spec folder defines overlays for, sorted.
    public static func environments(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let folder = isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: (folder as NSString).appendingPathComponent("environments"))) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { ($0 as NSString).deletingPathExtension }.sorted()
    }

    private func decode(_ root: consuming SpecNode) throws(SpecError) -> Spec {
        let context = DecodeContext(audit: audit)
        let spec = SpecDecoding.spec(root, context)
        releaseInBackground(consume root)
        if context.hasErrors || spec == nil { throw SpecError(context.findings) }
        return spec!
    }
}
