import BizraTestSupport
import BizraSpec
import Foundation

/// Paths of the project's own files, found from this source file so tests run from any folder.
enum Fixtures {
    static let projectRoot = Repository.root
    static let specs = projectRoot.appendingPathComponent("specs").path
    /// The design's reference spec, beside the project (`$BIZRA_SHARED`, default `../shared`).
    static let referenceSpec: String = {
        let shared = ProcessInfo.processInfo.environment["BIZRA_SHARED"]
            ?? projectRoot.deletingLastPathComponent().appendingPathComponent("shared").path
        return (shared as NSString).appendingPathComponent("design/reference-spec.yaml")
    }()
    static var hasReferenceSpec: Bool { FileManager.default.fileExists(atPath: referenceSpec) }

    /// The findings of loading `text` as one spec file `spec.yaml` (none when it loads).
    static func findings(loading text: String) -> [Finding] {
        do {
            _ = try SpecLoader().load(text: text, file: "spec.yaml")
            return []
        } catch {
            return error.findings
        }
    }

    /// A minimal valid spec, for tests that change one thing.
    static let minimal = """
        version: 1
        platform: { name: shop, environment: staging, namespace: shop, domain: shop.example.com }
        sla:
          latency: { p50: 50ms, p95: 100ms, p99: 200ms }
          errorRate: 1%
          throughput: { peak: 100rps, sustained: 80rps }
          ihsanScore: { min: 95 }
        services:
          - name: web
            image: ghcr.io/shop/web:1.0.0
            ports: [{ name: http, port: 8080 }]
            resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { cpu: "1", memory: 256Mi } }
            probes:
              readiness: { path: /ready, port: http }
              liveness: { path: /health, port: http }

        """
}
