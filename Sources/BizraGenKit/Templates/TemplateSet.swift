import Foundation
import Mustache

/// The non-YAML templates (VCL, k6 JavaScript, shell): the copies built into the binary,
/// or a folder given with `--templates DIR` that overrides them file by file.
public struct TemplateSet: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case missing(String)
        case unreadable(String, String)
        public var description: String {
            switch self {
            case .missing(let name): "no template named '\(name)'"
            case .unreadable(let path, let why): "cannot read template \(path): \(why)"
            }
        }
    }

    private let overrides: [String: String]
    /// Each template parsed once, by the first renderer that needs it.
    private let parsed = ParsedTemplates()

    /// The templates built into the binary.
    public static let embedded = TemplateSet(overrides: [:])

    init(overrides: [String: String]) {
        self.overrides = overrides
    }

    /// The embedded templates, each replaced by the file of the same name in `directory` when present.
    public init(overridingWith directory: URL) throws {
        var overrides: [String: String] = [:]
        for name in EmbeddedTemplates.all.keys {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            do {
                overrides[name] = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw Failure.unreadable(url.path, "\(error.localizedDescription)")
            }
        }
        self.overrides = overrides
    }

    /// The template `name`, parsed (a file name under `templates/`).
    public func template(_ name: String) throws -> MustacheTemplate {
        let text = try text(name)
        return try parsed.template(name) { try MustacheTemplate(string: text) }
    }

    /// The text of the template `name` (a file name under `templates/`).
    public func text(_ name: String) throws -> String {
        if let text = overrides[name] ?? EmbeddedTemplates.all[name] { return text }
        throw Failure.missing(name)
    }
}

/// The parsed templates of a set, shared by the renderers running on every core.
private final class ParsedTemplates: @unchecked Sendable {
    // Guards `parsed`; held while a template is parsed, so that each is parsed once.
    private let lock = NSLock()
    private var parsed: [String: Result<MustacheTemplate, any Error>] = [:]

    func template(_ name: String, parse: () throws -> MustacheTemplate) throws -> MustacheTemplate {
        try lock.withLock {
            if let template = parsed[name] { return try template.get() }
            let template = Result { try parse() }
            parsed[name] = template
            return try template.get()
        }
    }
}
