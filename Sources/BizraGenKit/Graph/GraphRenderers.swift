/// Graphviz DOT text of a ``PlatformGraph`` (`dot -Tsvg`).
public enum GraphDOT {
    public static func render(_ graph: PlatformGraph) -> String {
        var lines = ["digraph \(quoted(graph.name)) {", "  rankdir=LR;", "  node [fontname=\"Helvetica\", fontsize=11];",
                     "  edge [fontname=\"Helvetica\", fontsize=9];"]
        for node in graph.nodes {
            lines.append("  \(quoted(node.id)) [label=\(quoted("\(node.name)\n\(node.detail)")), shape=\(shape(node.kind))"
                         + (node.kind == .unresolved ? ", style=dashed, color=red" : "") + "];")
        }
        for edge in graph.edges {
            lines.append("  \(quoted(edge.from)) -> \(quoted(edge.to)) [label=\(quoted(edge.label))\(edge.dashed ? ", style=dashed" : "")];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func shape(_ kind: PlatformGraph.Kind) -> String {
        switch kind {
        case .service: "box"
        case .database: "cylinder"
        case .redis, .varnish: "box3d"
        case .region: "ellipse"
        case .dns: "diamond"
        case .chaos: "octagon"
        case .backup: "folder"
        case .unresolved: "plaintext"
        }
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}

/// Mermaid flowchart text of a ``PlatformGraph`` (renders in GitHub Markdown).
public enum GraphMermaid {
    public static func render(_ graph: PlatformGraph) -> String {
        var lines = ["flowchart LR"]
        for node in graph.nodes {
            let label = "\"\(escape(node.name))<br/><small>\(escape(node.detail))</small>\""
            let (open, close) = shape(node.kind)
            lines.append("  \(identifier(node.id))\(open)\(label)\(close)")
        }
        for edge in graph.edges {
            let arrow = edge.dashed ? "-.->" : "-->"
            lines.append("  \(identifier(edge.from)) \(arrow)|\"\(escape(edge.label))\"| \(identifier(edge.to))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Mermaid ids are letters, digits and `_`: `service/bizra-node0` is `service_bizra_node0`.
    static func identifier(_ id: String) -> String {
        String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "#quot;")
    }

    static func shape(_ kind: PlatformGraph.Kind) -> (String, String) {
        switch kind {
        case .service: ("[", "]")
        case .database: ("[(", ")]")
        case .redis, .varnish: ("[[", "]]")
        case .region: ("([", "])")
        case .dns: ("{", "}")
        case .chaos: ("{{", "}}")
        case .backup: ("[/", "/]")
        case .unresolved: (">", "]")
        }
    }
}
