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
        self.storage = storage
        self.requiresGrad = requiresGrad
        self.name = name
    }

    /// Creates a tensor of zeros.
    public convenience init(zeros shape: [Int], requiresGrad: Bool = false, name: String = "") {
        self.init(shape: shape, storage: TensorStorage(zeros: shape.reduce(1, *)), requiresGrad: requiresGrad, name: name)
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

    /// The number of elements.
    public var count: Int { storage.count }
    /// The values as an array (a copy).
    public var values: [Float] { storage.array }
    /// The first dimension (the batch).
    public var batch: Int { shape[0] }
    /// Channels (`shape[1]`).
    public var channels: Int { shape.count > 1 ? shape[1] : 1 }
    /// Height (1 for vectors).
    public var height: Int { shape.count > 2 ? shape[2] : 1 }
    /// Width (1 for vectors).
    public var width: Int { shape.count > 3 ? shape[3] : 1 }
    /// The gradient values as an array (zeros when none has arrived).
    public var gradValues: [Float] { grad?.array ?? Array(repeating: 0, count: count) }
    /// The raw data pointer.
    public var data: UnsafeMutablePointer<Float> { storage.pointer }

    /// Forgets the gradient (before the next step).
    public func zeroGrad() { grad = nil }

    /// The gradient buffer, allocated as zeros when absent.
    @discardableResult
    public func ensureGrad() -> TensorStorage {
        if let g = grad { return g }
        let g = TensorStorage(zeros: count)
        grad = g
        return g
    }

    /// Lets `write` produce a gradient contribution and adds it into `grad`.
    ///
    /// When no gradient exists yet the contribution is written in place, saving a copy.
    func accumulateGrad(_ write: (UnsafeMutablePointer<Float>) throws -> Void) rethrows {
        guard requiresGrad else { return }
        if let g = grad {
            let temp = TensorStorage(zeros: count)
            try write(temp.pointer)
            g.add(temp.pointer)
        } else {
            let g = TensorStorage(zeros: count)
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
