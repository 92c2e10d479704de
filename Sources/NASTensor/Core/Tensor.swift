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
    public let storage: TensorStorage
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

    /// Creates a tensor over existing storage.
    public init(shape: [Int], storage: TensorStorage, requiresGrad: Bool = false, name: String = "") {
        precondition(shape.reduce(1, *) == storage.count, "shape \(shape) does not match \(storage.count) values")
        self.shape = shape
        self.count = storage.count
        self.layout = nil
        self.storage = storage
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
        self.storage = TensorStorage(uninitialized: max(DNNL.byteSize(layout) / 4, 1))
        self.storage.zero()
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
        let g = TensorStorage(zeros: storage.count)
        grad = g
        return g
    }

    /// Lets `write` produce a gradient contribution and adds it into `grad`.
    ///
    /// When no gradient exists yet the contribution is written in place, saving a copy.
    func accumulateGrad(_ write: (UnsafeMutablePointer<Float>) throws -> Void) rethrows {
        guard requiresGrad else { return }
        if let g = grad {
            let temp = TensorStorage(zeros: storage.count)
            try write(temp.pointer)
            g.add(temp.pointer)
        } else {
            let g = TensorStorage(zeros: storage.count)
            try write(g.pointer)
            grad = g
        }
    }

    /// Records how this tensor was computed, if any input needs a gradient.
    func record(_ inputs: [Tensor], _ step: @escaping (Tensor) throws -> Void) -> Tensor {
        if inputs.contains(where: { $0.requiresGrad }) {
            requiresGrad = true
            parents = inputs
            backwardStep = step
        }
        return self
    }

    /// Back-propagates from this tensor (a scalar loss, seeded with gradient 1, unless
    /// a gradient is already set) through everything it was computed from.
    public func backward() throws {
        if grad == nil {
            precondition(layout == nil, "backward() starts from a plain tensor")
            let g = TensorStorage(zeros: count)
            g.pointer.update(repeating: 1, count: count)
            grad = g
        }
        for node in topologicalOrder().reversed() {
            guard let step = node.backwardStep, node.grad != nil else { continue }
            try step(node)
        }
    }

    /// Cuts this tensor from its history (drops the recorded graph).
    public func detachGraph() {
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
