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
    /// Every template parsed once, when the set is made, rather than on each rendering.
    private let parsed: [String: Result<MustacheTemplate, any Error>]

    /// The templates built into the binary.
    public static let embedded = TemplateSet(overrides: [:])

    init(overrides: [String: String]) {
        self.overrides = overrides
        parsed = Self.parse(overrides)
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
        parsed = Self.parse(overrides)
    }

    private static func parse(_ overrides: [String: String]) -> [String: Result<MustacheTemplate, any Error>] {
        Dictionary(uniqueKeysWithValues: EmbeddedTemplates.all.map { name, text in
            (name, Result { try MustacheTemplate(string: overrides[name] ?? text) })
        })
    }

    /// The template `name`, parsed (a file name under `templates/`).
    public func template(_ name: String) throws -> MustacheTemplate {
        guard let template = parsed[name] else { throw Failure.missing(name) }
        return try template.get()
    }

    /// The text of the template `name` (a file name under `templates/`).
    public func text(_ name: String) throws -> String {
        if let text = overrides[name] ?? EmbeddedTemplates.all[name] { return text }
        throw Failure.missing(name)
    }
}
