import BizraGenKit
import BizraSpec
import Testing

/// The reference graph of the reference platform, and that it follows the spec.
@Suite struct PlatformGraphTests {
    let spec = try! SpecLoader().loadReference()

    @Test func drawsEveryReferenceOfTheReferencePlatform() {
        let graph = PlatformGraph(spec: spec)
        let edges = Set(graph.edges.map { "\($0.from) -\($0.label)-> \($0.to)" })
        for expected in [
            "service/bizra-node0 -dependsOn-> redis/redis-cluster",
            "service/bizra-node0 -dependsOn-> database/postgres",
            "service/bizra-node0 -trigger validation-queue-> redis/redis-cluster",
            "varnish/varnish -backend :http-> service/bizra-node0",
            "database/postgres -replica-> region/ap-northeast-1",
            "chaos/resilience-test -chaos target-> service/bizra-node0",
            "chaos/resilience-test -runs in-> region/ap-southeast-1",
            "dns/bizra.ai -70%-> region/us-east-1",
            "backup/s3://bizra-dr-backups -copy-> region/eu-west-1",
        ] {
            #expect(edges.contains(expected), "\(expected)")
        }
        #expect(!graph.nodes.contains { $0.kind == .unresolved })
        #expect(graph.nodes.filter { $0.kind == .region }.map(\.name) == ["us-east-1", "eu-west-1", "ap-southeast-1", "ap-northeast-1"])
        #expect(graph.nodes.first { $0.id == "region/us-east-1" }?.detail == "cluster us-east-1, 70%, primary")
        #expect(!edges.contains { $0.hasPrefix("redis/") && $0.contains("region/") }, "Redis is region-local: no cross-region edge")
    }

    @Test func followsTheSpecAndShowsUnresolvedNames() throws {
        var changed = spec
        changed.services[0].dependsOn.append("search")
        changed.regions?.replication.postgres[0].replicas = ["eu-west-1"]
        let graph = PlatformGraph(spec: changed)
        #expect(graph.edges.contains { $0.to == "unresolved/search" })
        #expect(graph.edges.filter { $0.label == "replica" }.map(\.to) == ["region/eu-west-1"])
    }

    @Test func dotAndMermaidAreDeterministicAndWellFormed() {
        let dot = GraphDOT.render(PlatformGraph(spec: spec))
        #expect(dot == GraphDOT.render(PlatformGraph(spec: try! SpecLoader().loadReference())))
        #expect(dot.hasPrefix("digraph \"bizra\" {\n") && dot.hasSuffix("}\n"))
        #expect(dot.contains(#""database/postgres" [label="postgres\npostgresql 16, 3 instances", shape=cylinder];"#))
        #expect(dot.contains(#""varnish/varnish" -> "service/bizra-node0" [label="backend :http"];"#))
        let mermaid = GraphMermaid.render(PlatformGraph(spec: spec))
        #expect(mermaid.hasPrefix("flowchart LR\n"))
        #expect(mermaid.contains(#"service_bizra_node0 -->|"dependsOn"| database_postgres"#))
        #expect(mermaid.contains(#"database_postgres -.->|"replica"| region_eu_west_1"#))
    }
}
