import NASCore
import NASSpaces

/// One architecture of a space; prints as its canonical form, `show a` draws it with its cost.
///
/// The fields (`a.canonical`, `a.params`, `a.macs`, …) ask the space; cost fields decode the
/// network at the space's default input shape and class count.
public struct ArchitectureValue: DomainValue {
    /// The space it belongs to.
    public let space: any SearchSpace
    /// The chosen options.
    public let architecture: Architecture

    /// Wraps an architecture of `space`.
    public init(space: any SearchSpace, _ architecture: Architecture) {
        self.space = space
        self.architecture = architecture
    }

    /// The type name the user sees.
    public var typeName: String { "architecture" }

    /// The canonical text form.
    public var summary: String { space.canonical(architecture) }

    /// The diagram followed by the cost at the default input.
    public func render(width: Int) -> String {
        var lines = [diagram]
        if let cost = try? space.cost(architecture) {
            lines.append("")
            lines.append(Self.costLine(cost, input: space.defaultInput, classes: space.defaultClasses))
        }
        return lines.joined(separator: "\n")
    }

    /// The space's diagram; for composed spaces only the decisions that count.
    private var diagram: String {
        guard let composed = space as? ComposedSpace else { return space.diagram(architecture) }
        let active = composed.activeMask(architecture.tokens)
        var lines = ["\(space.name): \(space.canonical(architecture))"]
        for (i, d) in space.decisions.enumerated() where active[i] && d.options.indices.contains(architecture.tokens[i]) {
            lines.append("  \(d.name) = \(d.options[architecture.tokens[i]])")
        }
        return lines.joined(separator: "\n")
    }

    /// The field names, for completion and messages.
    public var memberNames: [String] {
        var names = ["space", "canonical", "identity", "tokens", "params", "macs", "flops", "memory"]
        if space is NB201Space { names.append("index") }
        return names
    }

    /// The field `name`, or nil when there is none.
    public func member(_ name: String) throws -> Value? {
        switch name {
        case "space": return .object(SpaceValue(space))
        case "canonical": return .string(space.canonical(architecture))
        case "identity": return .string(space.identity(architecture))
        case "tokens": return .list(architecture.tokens.map { .number(Double($0)) })
        case "index":
            guard let nb201 = space as? NB201Space else { return nil }
            return .number(Double(nb201.index(of: architecture)))
        case "params", "macs", "flops", "memory":
            return try Self.costRecord(space.cost(architecture))[name]
        default: return nil
        }
    }

    /// Same space and same tokens.
    public func isEqual(to other: any DomainValue) -> Bool {
        guard let o = other as? ArchitectureValue else { return false }
        return o.architecture == architecture
    }

    /// The cost as a record: params, macs, flops (2·MACs) and peak activation memory.
    public static func costRecord(_ cost: NetworkCost) -> Record {
        Record([
            ("params", .number(MetricCatalogue.quantity("params", Double(cost.params)))),
            ("macs", .number(MetricCatalogue.quantity("macs", Double(cost.macs)))),
            ("flops", .number(MetricCatalogue.quantity("flops", Double(cost.flops)))),
            ("memory", .number(.bytes(Double(cost.peakActivationBytes)))),
        ])
    }

    static func costLine(_ cost: NetworkCost, input: TensorShape, classes: Int) -> String {
        let q = { (name: String, v: Int) in MetricCatalogue.quantity(name, Double(v)).description }
        return "cost at \(input), \(classes) classes: \(q("params", cost.params)) params, \(q("macs", cost.macs)) MACs, "
            + "\(q("flops", cost.flops)) FLOPs, \(Quantity.bytes(Double(cost.peakActivationBytes))) peak activations"
    }
}
