import NASCore

/// The op choices of a segment supernet as a space of their own: one decision per block, among
/// the 16 (op, kernel, expansion, SE) combinations of its row.
///
/// What ENAS's controller searches on a segment space (`SegmentSpace.controlSpace`): proposing in
/// the whole segment space would mostly leave the supernet's slice, whose activation, widths,
/// depths and skips are the frame's. Each member stands for the segment architecture
/// `space.architecture(fromControl:)` returns, and decodes to its network.
public struct SegmentChoiceSpace: GroupedSearchSpace {
    /// The segment space (its frame, its skeleton).
    public let space: SegmentSpace
    public let groups: [DecisionGroup]

    /// The choices of `space`'s supernet.
    public init(space: SegmentSpace) {
        self.space = space
        groups = space.supernetRows.map { DecisionGroup(decisions: [$0]) }
    }

    public var name: String { "\(space.name)_choices" }
    public var defaultInput: TensorShape { space.defaultInput }
    public var defaultClasses: Int { space.defaultClasses }
    public func groupName(_ i: Int) -> String { "block \(i + 1)" }

    /// The blocks' option labels joined by ` | ` (`mbconv_k3_e6 | conv_k5 | …`).
    public func canonical(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        return zip(decisions, architecture.tokens).map { $0.options[$1] }.joined(separator: " | ")
    }

    public func parse(_ text: String) throws -> Architecture {
        let parts = text.split(separator: "|").map { $0.trimmed() }
        guard parts.count == groups.count else {
            throw SpaceError("a \(name) member is \(groups.count) op choices joined by '|', found \(parts.count)")
        }
        return Architecture(space: name, tokens: try zip(decisions, parts).enumerated().map { i, pair in
            guard let t = pair.0.options.firstIndex(of: pair.1) else {
                throw SpaceError("block \(i + 1): '\(pair.1)' is not one of \(pair.0.options.joined(separator: ", "))")
            }
            return t
        })
    }

    /// The network of the segment architecture the member stands for.
    public func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        try space.network(try space.architecture(fromControl: architecture), input: input, classes: classes)
    }

    public var help: String {
        "The op choices of a segment space's supernet: one decision per block among its 16 (op, kernel, expansion, SE) "
            + "combinations, the frame '\(space.canonical(space.frame))' giving activation, widths, depths and skips."
    }
}
