import BizraSpec
import Mustache

/// Writes `bench/run-benchmarks.sh` from `templates/bench/run-benchmarks.sh.mustache`: runs every
/// k6 scenario in the spec's order, writes each summary with `--summary-export`, and exits non-zero
/// after all ran when any failed.
public struct BenchmarkScriptRenderer: ArtifactRenderer {
    public static let templateName = "bench/run-benchmarks.sh.mustache"
    public static let path = "bench/run-benchmarks.sh"

    public init() {}

    public func render(_ context: PlanContext) throws -> [String: String] {
        guard let benchmarks = context.spec.benchmarks else { return [:] }
        let template = try context.templates.template(Self.templateName)
        let values: [String: Any] = [
            "baseURL": ShellWord.quoted(K6ScriptRenderer.baseURL(context.spec)),
            "scenarios": benchmarks.scenarios.map { ["name": $0.name] },
        ]
        return [Self.path: template.render(values)]
    }
}

/// Shell words for values computed from the spec.
enum ShellWord {
    /// `text` in single quotes, safe anywhere a word goes.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
