/// The building blocks from which a user composes a search space (see `ComposedSpace`).
///
/// A spec is a small tree. Decoding walks it in order over a running tensor: a `choice` named
/// `width` (or `channels`) sets the output channels of the ops that follow, one named `stride`
/// sets the stride of the next op, any other choice picks an op name of the catalogue and applies
/// it. `alternatives` picks one labelled branch, decodes its body, then applies the label when it
/// is an op name. `repeat` decodes its body a chosen number of times, `inputs` (inside a repeat)
/// merges chosen earlier outputs into the running tensor, `cell` and `fixedCell` insert a DAG cell,
/// and `skeleton` places one searched cell at every cell position of a fixed macro network.
public indirect enum SpaceSpec: Sendable, Hashable, Codable {
    /// A choice among values or op names: one decision.
    case choice(String, [String])
    /// A choice among labelled branches, each with its own further decisions.
    case alternatives(String, [SpaceAlternative])
    /// Parts decoded one after another (a stack).
    case sequence([SpaceSpec])
    /// The body repeated a chosen number of times within a depth range.
    case `repeat`(String, ClosedRange<Int>, SpaceSpec)
    /// Which earlier outputs of the enclosing repeat feed this repetition, and how they merge.
    case inputs(String, InputPattern, InputMerge)
    /// A DAG cell: `nodes` nodes, each summing two ops applied to earlier nodes (node 0 is the input).
    case cell(String, nodes: Int, operations: [String])
    /// A fixed-DAG cell (NAS-Bench-201's): node j sums every earlier node i < j, each through its
    /// own edge op, one decision per edge (node 0 is the input; `nodes` counts the others).
    case fixedCell(String, nodes: Int, operations: [String])
    /// A macro skeleton whose every cell position decodes `cell`, all with one shared set of decisions.
    case skeleton(CellSkeleton, SpaceSpec)

    /// A sequence from an array literal.
    public static func stack(_ parts: SpaceSpec...) -> SpaceSpec { .sequence(parts) }
}

/// One labelled branch of `SpaceSpec.alternatives`.
public struct SpaceAlternative: Sendable, Hashable, Codable {
    /// The label; when it is an op name, the op is applied after the body.
    public var label: String
    /// The branch's own decisions (an empty sequence for none).
    public var body: SpaceSpec

    /// Creates a branch.
    public init(_ label: String, _ body: SpaceSpec = .sequence([])) {
        self.label = label
        self.body = body
    }
}

/// Which earlier outputs a repetition reads besides its immediate predecessor.
public enum InputPattern: String, Sendable, Hashable, CaseIterable, Codable {
    /// Only the predecessor (a plain chain); no decision.
    case previous
    /// Each earlier output is a yes/no decision (a chain with searched skips).
    case chosen
    /// The output two steps back as well, {i-1, i-2} (ResNet); no decision.
    case resnet
    /// Every earlier output and the repeat's input, {0..i-1} (DenseNet); no decision.
    case densenet
}

/// How a repetition merges its inputs.
public enum InputMerge: String, Sendable, Hashable, CaseIterable, Codable {
    /// Sum, projecting with a 1×1 conv-BN where shapes differ (ResNet).
    case add
    /// Concatenation along channels, subsampling larger maps (DenseNet).
    case concat
}
