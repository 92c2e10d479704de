import Foundation

/// Writes Graphviz `dot` text with properly quoted labels.
public enum DotWriter {
    /// A node: its id and label.
    public typealias Node = (id: String, label: String, shape: String)
    /// An edge: source, target and an optional label.
    public typealias Edge = (from: String, to: String, label: String)

    /// A complete `digraph`.
    public static func digraph(title: String, nodes: [Node], edges: [Edge], rankdir: String = "TB") -> String {
        var lines = ["digraph \"\(escape(title))\" {", "  rankdir=\(rankdir);", "  node [fontname=\"Helvetica\"];"]
        for n in nodes { lines.append("  \"\(escape(n.id))\" [label=\"\(escape(n.label))\", shape=\(n.shape)];") }
        for e in edges {
            let label = e.label.isEmpty ? "" : " [label=\"\(escape(e.label))\"]"
            lines.append("  \"\(escape(e.from))\" -> \"\(escape(e.to))\"\(label);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes quotes and backslashes for a quoted dot string.
    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}

extension NetworkSpec {
    /// The spec as a Graphviz digraph, one box per primitive layer.
    public func dot(title: String = "network") -> String {
        var nodes: [DotWriter.Node] = [("input", "input \(input)", "ellipse")]
        var edges: [DotWriter.Edge] = []
        for n in self.nodes {
            nodes.append(("n\(n.id)", "\(n.name)\n\(n.op.summary)\n\(n.outputShape)", "box"))
            for i in n.inputs { edges.append((i < 0 ? "input" : "n\(i)", "n\(n.id)", "")) }
        }
        return DotWriter.digraph(title: title, nodes: nodes, edges: edges)
    }
}
