import BizraSpec
import Foundation
import Testing
@testable import BizraGenKit

@Suite("varnish/default.vcl")
struct VarnishVCLRendererTests {
    let vcl = (try? VarnishVCLRenderer().render(ReferenceSpecFixture.context)[VarnishVCLRenderer.outputPath]) ?? ""

    @Test func backendIsTheServiceNamedPortProbedOnItsReadinessPath() {
        #expect(vcl.hasPrefix("vcl 4.1;"))
        #expect(vcl.contains(#".host = "bizra-node0.bizra-production.svc.cluster.local";"#))
        #expect(vcl.contains(#".port = "8080";"#))
        #expect(vcl.contains(#".url = "/ready";"#))
    }

    @Test func purgeIsAllowedOnlyFromTheACL() {
        #expect(vcl.contains(#""10.0.0.0"/8;"#))
        #expect(vcl.contains(#"if (local.socket != "purge" || !client.ip ~ purge)"#), "the purge listener only: behind the load balancer client.ip is its own")
        #expect(vcl.contains("return (synth(405"))
        #expect(vcl.contains("return (purge);"))
    }

    @Test func onlyWhatARuleCoversIsLookedUpAndUncacheableAnswersAreHitForMiss() {
        #expect(vcl.contains("if (req.url ~ \"^/api/\") {\n        return (hash);\n    }"))
        #expect(vcl.contains("    return (pass);\n}"), "every other request passes: no coalescing behind an uncacheable one")
        #expect(vcl.contains("set beresp.ttl = 2m;"), "hit-for-miss remembered for two minutes")
        #expect(!vcl.contains("set beresp.uncacheable = true;\n        set beresp.ttl = 0s;"))
        #expect(vcl.contains("private|no-store|no-cache"))
    }

    @Test func rulesAppearInSpecOrderWithTheirTTLAndGrace() throws {
        let positions = try ["^/api/v1/static", "^/static/", "^/api/"].map { match in
            try #require(vcl.range(of: "bereq.url ~ \"\(match)\"")?.lowerBound)
        }
        #expect(positions == positions.sorted())
        #expect(vcl.contains("set beresp.ttl = 1h;"))
        #expect(vcl.contains("set beresp.ttl = 5m;"))
        #expect(vcl.contains("set beresp.grace = 6h;"))
        #expect(vcl.contains("set beresp.uncacheable = true;"))
    }

    @Test func responsesSayWhetherTheyWereCached() {
        #expect(vcl.contains(#"set resp.http.X-Cache = "HIT";"#))
        #expect(vcl.contains("set resp.http.X-Cache-Hits = obj.hits;"))
        #expect(vcl.contains("X-Ihsan-Score"))
        #expect(!vcl.contains("&quot;") && !vcl.contains("&#"))
    }

    @Test func noVarnishNoVCL() throws {
        var spec = ReferenceSpecFixture.spec
        spec.caching?.varnish = nil
        #expect(try VarnishVCLRenderer().render(PlanContext(spec: spec)).isEmpty)
    }

    @Test func varnishdCompilesIt() throws {
        guard let varnishd = PlannerTool.find("varnishd") else {
            print("skipped: varnishd is not installed (apt-get install -y varnish)")
            return
        }
        // varnishd resolves backend hosts while compiling; the cluster's DNS name does not resolve
        // here, so the check compiles the same VCL with the backend on loopback.
        let host = "bizra-node0.bizra-production.svc.cluster.local"
        let local = vcl.replacingOccurrences(of: host, with: "127.0.0.1")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("planners-b-vcl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("default.vcl").path
        try local.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try PlannerTool.run(varnishd, ["-C", "-n", directory.appendingPathComponent("work").path, "-f", file])
        #expect(result.status == 0, "\(result.output.split(separator: "\n").prefix(20).joined(separator: "\n"))")
    }
}
