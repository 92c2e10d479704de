import CDNNL

/// A Float32 tensor (NCHW for images, NC for vectors) that records how it was computed.
///
/// Each op makes a new tensor and, when any input needs a gradient, stores a closure that
/// pushes the output's gradient back to the inputs (micrograd style: the op's forward and
/// backward are written side by side in one function). `backward()` replays them in reverse
/// topological order.
public final class Tensor {
    /// The dimensions, outermost first (`[n, c, h, w]` or `[n, features]`).
    public let shape: [Int]
    /// The values.
    ///
    /// Reading them after they were released (see `endForwardUse()`) is a programming error.
    public var storage: TensorStorage {
        guard let s = liveStorage else {
            preconditionFailure("the values of tensor \(name.isEmpty ? "\(shape)" : name) were released: "
                                + "the forward pass declared it done with them and no backward step needs them")
        }
        return s
    }
    /// The values while they are held (nil once released).
    private var liveStorage: TensorStorage?
    /// The number of stored elements (more than `count` when a blocked layout pads channels).
    let storageCount: Int
    /// The accumulated gradient of the loss with respect to this tensor, once `backward()` ran.
    public private(set) var grad: TensorStorage?
    /// The number of elements (the product of `shape`).
    public let count: Int
    /// oneDNN's layout when the values are in a kernel's blocked format (`nChw16c`); nil for
    /// plain row-major. Only layout-aware ops (convolution, activations, batch norm, sums) accept
    /// blocked tensors; `plain()` converts, differentiably.
    let layout: dnnl_memory_desc_t?
    /// Whether gradients flow into this tensor (parameters, and anything computed from them).
    public var requiresGrad: Bool
    /// A label for debugging and parameter tables.
    public var name: String

    /// Whether this is a constant all-zero tensor (NB201's `none`), which sums may skip.
    public private(set) var isKnownZero = false

    /// The tensors this one was computed from.
    var parents: [Tensor] = []
    /// Pushes `self.grad` into the parents' gradients.
    var backwardStep: ((Tensor) throws -> Void)?
    /// The inputs whose values `backwardStep` reads (the op's declaration; parameters included).
    private var readInputs: [Tensor] = []
    /// Whether `backwardStep` reads this tensor's own values.
    private var readsOwnValues = false
    /// How many recorded backward steps that have not run yet read this tensor's values.
    private var pendingReaders = 0
    /// Whether the forward pass is done with the values (`endForwardUse()`).
    private var forwardDone = false
    /// Whether this is a ReLU's output whose backward step can read a sign mask instead of the values.
    var backwardNeedsOnlySigns = false
    /// The sign mask that replaced the values for the backward step (`SignMask`), when it did.
    private(set) var signMask: TensorStorage?

    /// Creates a tensor over existing storage.
    public init(shape: [Int], storage: TensorStorage, requiresGrad: Bool = false, name: String = "") {
        precondition(shape.reduce(1, *) == storage.count, "shape \(shape) does not match \(storage.count) values")
        self.shape = shape
        self.count = storage.count
        self.storageCount = storage.count
        self.layout = nil
        self.liveStorage = storage
        self.requiresGrad = requiresGrad
        self.name = name
    }

    /// Creates a tensor of zeros.
    public convenience init(zeros shape: [Int], requiresGrad: Bool = false, name: String = "") {
        self.init(shape: shape, storage: TensorStorage(zeros: shape.reduce(1, *)), requiresGrad: requiresGrad, name: name)
    }

    /// Creates a tensor in a kernel's blocked layout (its storage may be padded).
    init(shape: [Int], blocked layout: dnnl_memory_desc_t) {
        self.shape = shape
        self.count = shape.reduce(1, *)
        self.layout = layout
        let storage = TensorStorage(uninitialized: max(DNNL.byteSize(layout) / 4, 1))
        self.liveStorage = storage
        self.storageCount = storage.count
        // Kernels write every value of a dense layout; only padded channels need zeros.
        if storage.count != count { storage.zero() }
        self.requiresGrad = false
        self.name = ""
    }

    /// Whether the values are in plain row-major order.
    public var isPlain: Bool { layout == nil }

    /// Creates a tensor whose values a kernel is about to overwrite.
    convenience init(uninitialized shape: [Int]) {
        self.init(shape: shape, storage: TensorStorage(uninitialized: shape.reduce(1, *)))
    }

    /// Creates a tensor holding `values`.
    public convenience init(shape: [Int], values: [Float], requiresGrad: Bool = false, name: String = "") {
        self.init(shape: shape, storage: TensorStorage(values), requiresGrad: requiresGrad, name: name)
    }

    /// A constant all-zero tensor that carries no gradient and that sums may skip.
    public static func knownZeros(_ shape: [Int]) -> Tensor {
        let t = Tensor(zeros: shape)
        t.isKnownZero = true
        return t
    }

    /// The values in plain row-major order (a copy).
    public var values: [Float] { layout == nil ? storage.array : Reorder.plainValues(storage, layout!, shape) }
    /// The first dimension (the batch).
    public var batch: Int { shape[0] }
    /// Channels (`shape[1]`).
    public var channels: Int { shape.count > 1 ? shape[1] : 1 }
    /// Height (1 for vectors).
    public var height: Int { shape.count > 2 ? shape[2] : 1 }
    /// Width (1 for vectors).
    public var width: Int { shape.count > 3 ? shape[3] : 1 }
    /// The gradient values as an array (zeros when none has arrived).
    public var gradValues: [Float] {
        guard let g = grad else { return Array(repeating: 0, count: count) }
        return layout == nil ? g.array : Reorder.plainValues(g, layout!, shape)
    }
    /// The raw data pointer of a plain tensor.
    public var data: UnsafeMutablePointer<Float> {
        precondition(layout == nil, "a blocked tensor's values need plain() first")
        return storage.pointer
    }

    /// Forgets the gradient (before the next step).
    public func zeroGrad() { grad = nil }

    /// The gradient buffer, allocated as zeros when absent.
    @discardableResult
    public func ensureGrad() -> TensorStorage {
        if let g = grad { return g }
        let g = TensorStorage(zeros: storageCount)
        grad = g
        return g
    }

    /// Lets `write` produce a gradient contribution and adds it into `grad`.
    ///
    /// When no gradient exists yet the contribution is written in place, saving a copy. `write`
    /// gets a zeroed buffer, unless it declares that it sets every value (`overwriting`) and the
    /// layout has no padding: then the zero-fill, a full pass over a large buffer, is skipped.
    func accumulateGrad(overwriting: Bool = false, _ write: (UnsafeMutablePointer<Float>) throws -> Void) rethrows {
        guard requiresGrad else { return }
        let fresh = overwriting && storageCount == count
            ? TensorStorage(uninitialized: storageCount) : TensorStorage(zeros: storageCount)
        try write(fresh.pointer)
        if let g = grad { g.add(fresh.pointer) } else { grad = fresh }
    }

    /// Records how this tensor was computed, if any input needs a gradient.
    ///
    /// `reads` names the inputs whose values the backward step reads, and `readsOutput` whether it
    /// reads this tensor's own values: every other value may be released as soon as the forward
    /// pass is done with it (`endForwardUse()`), and these once the step has run.
    func record(_ inputs: [Tensor], reads: [Tensor], readsOutput: Bool = false,
                _ step: @escaping (Tensor) throws -> Void) -> Tensor {
        guard inputs.contains(where: { $0.requiresGrad }) else { return self }
        requiresGrad = true
        parents = inputs
        backwardStep = step
        readInputs = reads
        for t in reads { t.pendingReaders += 1 }
        readsOwnValues = readsOutput
        if readsOutput { pendingReaders += 1 }
        return self
    }

    /// Whether the values are still held (false once released).
    public var holdsValues: Bool { liveStorage != nil }

    /// Declares that the forward pass will not read this tensor's values again.
    ///
    /// A result recorded in a graph then keeps its values only while a backward step that reads
    /// them has not run: they are released now when none does, otherwise right after the last such
    /// step. The graph's node stays (gradients still flow through it), and after its own backward
    /// step has run the step and its captured buffers are released too, so such a graph
    /// back-propagates once, as PyTorch's does by default. Tensors outside a graph (leaves,
    /// inference results) are left alone: their values go when the last reference does.
    public func endForwardUse() {
        guard backwardStep != nil else { return }
        forwardDone = true
        keepOnlySignsIfOnlyOwnStepReads()
        releaseValuesIfUnread()
    }

    /// Trades the values for their sign mask (1/32 of the bytes) when the only backward step left
    /// that reads them is this tensor's own and it needs only their signs (a ReLU's).
    private func keepOnlySignsIfOnlyOwnStepReads() {
        guard backwardNeedsOnlySigns, readsOwnValues, pendingReaders == 1, let values = liveStorage else { return }
        signMask = SignMask.pack(values.pointer, count: storageCount)
        readsOwnValues = false
        pendingReaders = 0
    }

    /// Releases the values when the forward pass is done and no pending backward step reads them.
    private func releaseValuesIfUnread() {
        if forwardDone && pendingReaders == 0 { liveStorage = nil }
    }

    /// After this tensor's backward step: the values it read are no longer needed by it.
    private func finishBackwardStep() {
        for t in readInputs {
            t.pendingReaders -= 1
            t.releaseValuesIfUnread()
        }
        readInputs = []
        if readsOwnValues {
            readsOwnValues = false
            pendingReaders -= 1
            releaseValuesIfUnread()
        }
        signMask = nil
        if forwardDone {
            backwardStep = nil
            parents = []
        }
    }

    /// Back-propagates from this tensor (a scalar loss, seeded with gradient 1, unless
    /// a gradient is already set) through everything it was computed from.
    ///
    /// Gradients are kept for leaves (tensors not computed by an op: parameters, inputs) and
    /// for this tensor; intermediate results' gradients are released once used.
    public func backward() throws {
        if grad == nil {
            precondition(layout == nil, "backward() starts from a plain tensor")
            let g = TensorStorage(zeros: count)
            g.pointer.update(repeating: 1, count: count)
            grad = g
        }
        for node in topologicalOrder().reversed() {
            guard let step = node.backwardStep else { continue }
            if node.grad != nil { try step(node) }
            node.finishBackwardStep()
            // An intermediate result's gradient is spent once pushed to its inputs (leaves keep
            // theirs for the optimiser); freeing it as we go roughly halves backward's peak memory.
            if node !== self { node.grad = nil }
        }
    }

    /// Cuts this tensor from its history (drops the recorded graph).
    public func detachGraph() {
        for t in readInputs {
            t.pendingReaders -= 1
            t.releaseValuesIfUnread()
        }
        readInputs = []
        if readsOwnValues { pendingReaders -= 1 }
        readsOwnValues = false
        signMask = nil
        parents = []
        backwardStep = nil
    }

    /// Every tensor this one depends on, each after all of its inputs.
    private func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        var seen = Set<ObjectIdentifier>()
        var stack: [(Tensor, Bool)] = [(self, false)]
        while let (node, expanded) = stack.popLast() {
            if expanded { order.append(node); continue }
            if !seen.insert(ObjectIdentifier(node)).inserted { continue }
            stack.append((node, true))
            for p in node.parents where !seen.contains(ObjectIdentifier(p)) { stack.append((p, false)) }
        }
        return order
    }
}
