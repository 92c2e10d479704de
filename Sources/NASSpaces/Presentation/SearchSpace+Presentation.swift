import NASCore

/// Defaults for the presentation requirements and the cost shortcuts of every space.
extension SearchSpace {
    public var defaultInput: TensorShape { TensorShape(channels: 3, height: 32, width: 32) }
    public var defaultClasses: Int { 10 }
    public var help: String { "" }
    public var paper: String { "" }

    /// Text standing in for an architecture that is not a valid member (so drawing it never traps),
    /// or nil when it is valid.
    public func invalidDescription(_ architecture: Architecture) -> String? {
        do {
            try validate(architecture)
            return nil
        } catch {
            return "invalid \(name) architecture \(architecture.tokens): \(error)"
        }
    }

    /// One line per decision: `name = option`.
    public func diagram(_ architecture: Architecture) -> String {
        var lines = ["\(name): \(canonical(architecture))"]
        for (d, t) in zip(decisions, architecture.tokens) where d.options.indices.contains(t) {
            lines.append("  \(d.name) = \(d.options[t])")
        }
        return lines.joined(separator: "\n")
    }

    /// The decoded network (at the default input) as a Graphviz digraph.
    public func dot(_ architecture: Architecture) -> String {
        do {
            return try network(architecture, input: defaultInput, classes: defaultClasses).dot(title: canonical(architecture))
        } catch {
            return DotWriter.digraph(title: "\(error)", nodes: [], edges: [])
        }
    }

    /// The cost of an architecture at an input shape and class count (default: the space's own).
    public func cost(_ architecture: Architecture, input: TensorShape? = nil, classes: Int? = nil) throws -> NetworkCost {
        try network(architecture, input: input ?? defaultInput, classes: classes ?? defaultClasses).cost
    }

    /// The per-layer table (name, op, output shape, params, MACs) of an architecture.
    public func layers(_ architecture: Architecture, input: TensorShape? = nil, classes: Int? = nil) throws -> Table {
        let spec = try network(architecture, input: input ?? defaultInput, classes: classes ?? defaultClasses)
        return spec.cost.layerTable(spec)
    }
}
