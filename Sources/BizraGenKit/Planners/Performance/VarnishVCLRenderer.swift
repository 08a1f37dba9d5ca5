import BizraSpec
import Mustache

/// Renders `varnish/default.vcl` from `templates/varnish/default.vcl.mustache`: the backend
/// (the spec's service and named port, probed on its readiness path), the PURGE ACL, the caching
/// rules in order (first match wins, no match passes through uncached), grace and the X-Cache headers;
/// the header the benchmarks expect (`benchmarks.expectHeader`), when there is one, is noted as the backend's.
public struct VarnishVCLRenderer: ArtifactRenderer {
    /// The output path, relative to the environment's folder.
    public static let outputPath = "varnish/default.vcl"
    /// The template's name under `templates/`.
    public static let templateName = "varnish/default.vcl.mustache"

    public init() {}

    /// `[outputPath: vcl]`, or nothing when the spec has no Varnish.
    public func render(_ context: PlanContext) throws -> [String: String] {
        guard let vcl = try Self.vcl(for: context) else { return [:] }
        return [Self.outputPath: vcl]
    }

    /// The VCL text: the one rendering both this renderer and manifest 07 (its ConfigMap and
    /// `checksum/vcl`) use. `nil` when the spec has no Varnish.
    public static func vcl(for context: PlanContext) throws -> String? {
        guard let varnish = context.spec.caching?.varnish else { return nil }
        let template = try context.templates.template(templateName)
        return template.render(values(context, varnish))
    }

    /// The template's context.
    static func values(_ context: PlanContext, _ varnish: Varnish) -> [String: Any] {
        let service = context.spec.service(named: varnish.backend.service)
        let port = service?.port(named: varnish.backend.port)?.port ?? Int(varnish.backend.port) ?? 80
        let grace = vclDuration(varnish.grace)
        return [
            "backendHost": "\(varnish.backend.service).\(context.namespace).svc.cluster.local",
            "backendPort": "\(port)",
            "probePath": Self.healthPath(of: service),
            "purge": (varnish.purge?.allowFrom ?? []).map(aclEntry),
            "rules": varnish.rules.map { rule in
                ["name": rule.name, "match": vclString(rule.match), "ttl": vclDuration(rule.ttl), "grace": grace]
            },
            "expectHeader": context.spec.benchmarks?.expectHeader ?? "",
            "hasExpectHeader": context.spec.benchmarks?.expectHeader != nil,
            "purgePort": "\(VarnishPlan.purgePort)",
            "hitForMiss": vclDuration(VarnishPlan.hitForMiss),
        ]
    }

    /// The path Varnish probes its backend on: the backend's readiness path, else another HTTP probe's, else `/`.
    static func healthPath(of service: Service?) -> String {
        guard let probes = service?.probes else { return "/" }
        for probe in [probes.readiness, probes.liveness] + (probes.startup.map { [$0] } ?? []) {
            if case let .http(path, _) = probe.check { return path }
        }
        return "/"
    }

    /// A CIDR as an ACL entry's parts: `10.0.0.0/8` → `"10.0.0.0"/8`; a bare address gets its full prefix.
    static func aclEntry(_ cidr: String) -> [String: String] {
        let parts = cidr.split(separator: "/", maxSplits: 1).map(String.init)
        let address = parts.first ?? cidr
        let prefix = parts.count == 2 ? parts[1] : (address.contains(":") ? "128" : "32")
        return ["address": address, "prefix": prefix]
    }

    /// A VCL string literal; the long form `{"..."}` when the text holds a double quote.
    static func vclString(_ text: String) -> String {
        text.contains("\"") ? "{\"\(text)\"}" : "\"\(text)\""
    }

    /// A VCL duration: VCL takes ms, s, m, h, d, w and y, like the spec.
    static func vclDuration(_ duration: TimeSpan) -> String { duration.description }
}
