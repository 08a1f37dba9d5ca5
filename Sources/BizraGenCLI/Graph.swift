import ArgumentParser
import BizraGenKit
import BizraSpec

/// `bizra-gen graph`: the reference graph as Graphviz DOT or a Mermaid flowchart.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw services, databases, caches, regions and the references between them.",
        discussion: """
            Edges are the spec's references: dependsOn, the Varnish backend, Redis trigger \
            connections, replication to regions (dashed), DNS weights, backup copies and the chaos \
            target. The order follows the spec, so the output is stable and diffable.

            Examples:
              bizra-gen graph | dot -Tsvg > platform.svg
              bizra-gen graph --format mermaid --env staging   # for a ```mermaid block
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, mermaid
    }

    @OptionGroup var spec: SpecOptions

    @Option(name: .long, help: "dot (Graphviz) or mermaid.")
    var format: Format = .dot

    func run() throws {
        let loaded = try spec.loadOrExit(status: 1)
        let graph = PlatformGraph(spec: loaded)
        switch format {
        case .dot: Terminal.out(GraphDOT.render(graph))
        case .mermaid: Terminal.out(GraphMermaid.render(graph))
        }
    }
}
