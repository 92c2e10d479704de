import NASSpaces
import NASTensor

/// Counts, during one forward pass, how many nodes have still to read each node's output and
/// each tensor object (several nodes may hand on the same tensor: `identity`, a one-term `add`,
/// dropout outside training), so that the pass can drop a value the moment its last reader ran.
struct ForwardReaders {
    /// Remaining reads per node id (the network's output counts one more: the caller's).
    private var bySlot: [Int]
    /// Remaining reads per tensor object.
    private var byTensor: [ObjectIdentifier: Int] = [:]
    /// The pass's input, which belongs to the caller and is never released here.
    private let input: ObjectIdentifier

    /// The counts for a network whose input is `x`.
    init(spec: NetworkSpec, input x: Tensor) {
        var uses = Model.useCounts(spec)
        uses[spec.output] += 1
        bySlot = uses
        input = ObjectIdentifier(x)
    }

    /// Node `id` produced `t`: its readers are now pending on the tensor too.
    mutating func produced(_ t: Tensor, by id: Int) {
        byTensor[ObjectIdentifier(t), default: 0] += bySlot[id]
    }

    /// A node read `t` through node `slot`'s output; returns whether that slot has no reader left.
    mutating func consumed(_ t: Tensor, slot: Int) -> Bool {
        bySlot[slot] -= 1
        byTensor[ObjectIdentifier(t), default: 0] -= 1
        return bySlot[slot] == 0
    }

    /// Whether no node reads `t` any more (never true for the pass's input).
    func isDone(_ t: Tensor) -> Bool {
        let key = ObjectIdentifier(t)
        return key != input && byTensor[key, default: 0] <= 0
    }
}
