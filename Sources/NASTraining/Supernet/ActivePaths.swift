import NASSpaces
import NASTensor

/// The part of a supernet that one forward pass runs, and how its mixing nodes combine what runs.
///
/// Built from the gates of the rows: each choice point keeps the branches of the options its row
/// runs; every node that no kept path reaches from the output is skipped, so GDAS and ProxylessNAS
/// hold one or two candidates per edge in memory while DARTS holds them all.
struct ActivePaths {
    /// The pass's spec: mixing nodes read only the kept branches; skipped nodes read nothing.
    let spec: NetworkSpec
    /// Whether each node runs.
    private let live: [Bool]
    /// For each mixing node: the weight slot of each kept branch, its row, and the output shape.
    private let mixes: [Int: Mixing]
    /// The options each row runs (what the pruned spec depends on).
    private let options: [[Int]]
    /// Each row's weights (nil: its kept branches are summed unweighted).
    private var rowWeights: [Tensor?]

    /// Kept branches that end in a batch norm read by their mixing node alone: with weights, the
    /// norm's scale and shift are multiplied by the branch's weight (`foldedWeight`), and the mixing
    /// node adds the branch as it comes. The weight's gradient then comes from the norm's own
    /// (`Σ ∂L/∂γ'·γ + ∂L/∂β'·β`), so the branch's output need not be kept for it: the
    /// difference between holding one candidate per edge (GDAS) and all of them (DARTS).
    private let folds: [Int: (row: Int, slot: Int)]

    /// How a mixing node combines its kept branches.
    private struct Mixing {
        let slots: [Int]
        /// Whether each kept branch comes already weighted (a folded batch norm).
        let folded: [Bool]
        let row: Int
        let shape: TensorShape
    }

    /// The paths of `passSpec` that `gates` (one per row of `supernet`) keep.
    init(passSpec: NetworkSpec, supernet: SupernetSpec, gates: [PathGate]) throws {
        guard gates.count == supernet.rows.count else {
            throw ModelError("the supernet has \(supernet.rows.count) rows of choices, the pass gave \(gates.count) gates")
        }
        var pruned = passSpec
        var mixes: [Int: Mixing] = [:]
        var folds: [Int: (row: Int, slot: Int)] = [:]
        let uses = Model.useCounts(passSpec)
        for point in supernet.choices {
            let gate = gates[point.row]
            var inputs: [Int] = [], slots: [Int] = [], folded: [Bool] = []
            for option in gate.options {
                guard option >= 0 && option < point.branches.count else {
                    throw ModelError("option \(option) of row \(supernet.rows[point.row].name) is out of range")
                }
                guard let branch = point.branches[option] else { continue }
                let foldable = passSpec.nodes[branch].op == .batchNorm && uses[branch] == 1
                if foldable { folds[branch] = (point.row, option) }
                inputs.append(branch)
                slots.append(option)
                folded.append(foldable)
            }
            pruned.nodes[point.node].inputs = inputs
            mixes[point.node] = Mixing(slots: slots, folded: folded, row: point.row, shape: passSpec.nodes[point.node].outputShape)
        }
        self.folds = folds
        let live = pruned.liveNodes
        for i in pruned.nodes.indices where !live[i] { pruned.nodes[i].inputs = [] }
        self.spec = pruned
        self.live = live
        self.mixes = mixes
        options = gates.map(\.options)
        rowWeights = gates.map(\.weights)
    }

    /// Whether `gates` keep the same paths as these (their weights may differ).
    func keepsSamePaths(as gates: [PathGate]) -> Bool {
        gates.count == options.count && zip(gates, options).allSatisfy { $0.options == $1 }
    }

    /// These paths mixed with the weights of `gates`, which keep the same paths (`keepsSamePaths`):
    /// the pruned spec and the mixing nodes are reused, only the weights change.
    func reweighted(_ gates: [PathGate]) -> ActivePaths {
        var paths = self
        paths.rowWeights = gates.map(\.weights)
        return paths
    }

    /// Whether node `id` runs.
    func isLive(_ id: Int) -> Bool { live[id] }

    /// The weight a batch-norm node's scale and shift are multiplied by, when it is a folded branch of a weighted mix.
    func foldedWeight(_ id: Int) -> (weights: Tensor, slot: Int)? {
        guard let fold = folds[id], let weights = rowWeights[fold.row] else { return nil }
        return (weights, fold.slot)
    }

    /// The output of a mixing node from its kept branches' outputs; nil for any other node.
    func mix(_ node: LayerNode, _ inputs: [Tensor], batch: Int) throws -> Tensor? {
        guard let mixing = mixes[node.id] else { return nil }
        let s = mixing.shape
        guard !inputs.isEmpty else { return Tensor.knownZeros([batch, s.channels, s.height, s.width]) }
        guard let weights = rowWeights[mixing.row] else { return inputs.count == 1 ? inputs[0] : try Tensor.sum(inputs) }
        let weighted = inputs.indices.filter { !mixing.folded[$0] }
        var terms = inputs.indices.filter { mixing.folded[$0] }.map { inputs[$0] }
        if !weighted.isEmpty {
            terms.append(try Tensor.mix(weighted.map { inputs[$0] }, weights: weights, slots: weighted.map { mixing.slots[$0] }))
        }
        return terms.count == 1 ? terms[0] : try Tensor.sum(terms)
    }
}
