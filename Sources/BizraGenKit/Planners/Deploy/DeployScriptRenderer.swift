import BizraSpec
import Mustache

/// Writes `deploy/apply.sh` from `templates/deploy/apply.sh.mustache`: `kubectl --context <ctx>
/// apply -k clusters/<region>/k8s` for every cluster, in ``PlanContext/deployOrder``, with a
/// `--dry-run` mode (`--dry-run=server`), for teams that deploy without GitOps.
public struct DeployScriptRenderer: ArtifactRenderer {
    public static let templateName = "deploy/apply.sh.mustache"
    public static let path = "deploy/apply.sh"

    public init() {}

    public func render(_ context: PlanContext) throws -> [String: String] {
        let template = try context.templates.template(Self.templateName)
        let order = context.deployOrder
        let values: [String: Any] = [
            "clusters": order.map(ShellWord.quoted).joined(separator: " "),
            "contexts": order.map { ShellWord.quoted(context.kubeContext(of: $0)) }.joined(separator: " "),
        ]
        return [Self.path: template.render(values)]
    }
}
