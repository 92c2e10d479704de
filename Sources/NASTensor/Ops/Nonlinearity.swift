import CDNNL
import Foundation

/// An elementwise activation that oneDNN computes, forward and backward.
public enum Nonlinearity: String, Sendable, Hashable, CaseIterable {
    /// `max(x, 0)`.
    case relu
    /// `min(max(x, 0), 6)`.
    case relu6
    /// `x · relu6(x + 3) / 6`.
    case hswish
    /// `1 / (1 + e^-x)`.
    case sigmoid
    /// `x · sigmoid(x)`.
    case swish
    /// The hyperbolic tangent.
    case tanh

    /// oneDNN's algorithm and its two parameters.
    var kernel: (alg: dnnl_alg_kind_t, alpha: Float, beta: Float) {
        switch self {
        case .relu: return (dnnl_eltwise_relu, 0, 0)
        case .relu6: return (dnnl_eltwise_clip_v2, 0, 6)
        case .hswish: return (dnnl_eltwise_hardswish, 0, 0)
        case .sigmoid: return (dnnl_eltwise_logistic, 0, 0)
        case .swish: return (dnnl_eltwise_swish, 1, 0)
        case .tanh: return (dnnl_eltwise_tanh, 0, 0)
        }
    }

    /// The algorithm for training: where oneDNN can compute the derivative from the output
    /// (ReLU, ReLU6, sigmoid, tanh), the `use_dst_for_bwd` variant, so that backward reads the
    /// activation's output (which the next layer usually keeps anyway) and its input can be
    /// released after the forward pass, as PyTorch does.
    var trainingKernel: (alg: dnnl_alg_kind_t, alpha: Float, beta: Float) {
        switch self {
        case .relu: return (dnnl_eltwise_relu_use_dst_for_bwd, 0, 0)
        case .relu6: return (dnnl_eltwise_clip_v2_use_dst_for_bwd, 0, 6)
        case .sigmoid: return (dnnl_eltwise_logistic_use_dst_for_bwd, 0, 0)
        case .tanh: return (dnnl_eltwise_tanh_use_dst_for_bwd, 0, 0)
        case .hswish, .swish: return kernel
        }
    }

    /// Whether the training kernels' backward reads the output rather than the input.
    var backwardReadsOutput: Bool {
        switch self {
        case .relu, .relu6, .sigmoid, .tanh: return true
        case .hswish, .swish: return false
        }
    }

    /// The scalar function in Double, an independent reference for tests.
    public func reference(_ x: Double) -> Double {
        switch self {
        case .relu: return max(x, 0)
        case .relu6: return min(max(x, 0), 6)
        case .hswish: return x * min(max(x + 3, 0), 6) / 6
        case .sigmoid: return 1 / (1 + exp(-x))
        case .swish: return x / (1 + exp(-x))
        case .tanh: return Foundation.tanh(x)
        }
    }
}

/// The compiled forward and backward kernels of one activation over `count` elements.
final class EltwisePlan: @unchecked Sendable {
    let forward: DNNLPrimitive
    let backward: DNNLPrimitive
    let desc: dnnl_memory_desc_t
    /// Whether `backward` reads the forward output (`DNNL_ARG_DST`) instead of the input.
    let readsOutput: Bool

    /// The kernels for a plain tensor of `count` values (treated as one flat run).
    static func plan(_ act: Nonlinearity, count: Int) throws -> EltwisePlan {
        try PrimitiveCache.shared.value("eltwise:\(act):\(count)") { try EltwisePlan(act, desc: DNNL.plain([count])) }
    }

    /// The kernels for a tensor in a blocked layout.
    static func plan(_ act: Nonlinearity, blocked md: dnnl_memory_desc_t) throws -> EltwisePlan {
        try PrimitiveCache.shared.value("eltwise:\(act):\(Reorder.fingerprint(md))") { try EltwisePlan(act, desc: md) }
    }

    private init(_ act: Nonlinearity, desc: dnnl_memory_desc_t) throws {
        var md = desc
        self.desc = md
        let k = act.trainingKernel
        readsOutput = act.backwardReadsOutput
        var fwd = dnnl_eltwise_desc_t()
        try DNNLError.check(dnnl_eltwise_forward_desc_init(&fwd, dnnl_forward_training, k.alg, &md, k.alpha, k.beta),
                            "eltwise_forward_desc_init \(act)")
        forward = try DNNLPrimitive(opDesc: &fwd, what: "eltwise \(act)")
        var bwd = dnnl_eltwise_desc_t()
        var diff = md
        try DNNLError.check(dnnl_eltwise_backward_desc_init(&bwd, k.alg, &diff, &md, k.alpha, k.beta),
                            "eltwise_backward_desc_init \(act)")
        backward = try DNNLPrimitive(opDesc: &bwd, hint: forward, what: "eltwise backward \(act)")
    }
}

extension Tensor {
    /// Applies an activation elementwise.
    ///
    /// Small tensors (up to `SmallActivation.threshold(act)` values, in plain or dense blocked
    /// layout) are computed in Swift, larger ones by oneDNN.
    public func activation(_ act: Nonlinearity) throws -> Tensor {
        if storageCount <= SmallActivation.threshold(act) && storageCount == count { return smallActivation(act) }
        return try dnnlActivation(act)
    }

    /// An activation computed in Swift, with the same layout and backward reads as oneDNN's.
    private func smallActivation(_ act: Nonlinearity) -> Tensor {
        let out = layout.map { Tensor(shape: shape, blocked: $0) } ?? Tensor(uninitialized: shape)
        let n = storageCount
        SmallActivation.forward(act, storage.pointer, out.storage.pointer, n)
        let readsOutput = act.backwardReadsOutput
        out.backwardNeedsOnlySigns = act == .relu
        return out.record([self], reads: readsOutput ? [] : [self], readsOutput: readsOutput) { out in
            if let mask = out.signMask {
                self.accumulateGrad(overwriting: true) { SignMask.backward(mask, out.grad!.pointer, $0, count: n) }
                return
            }
            let saved = readsOutput ? out.storage.pointer : self.storage.pointer
            self.accumulateGrad(overwriting: true) { SmallActivation.backward(act, saved: saved, out.grad!.pointer, $0, n) }
        }
    }

    /// An activation computed by oneDNN's kernels.
    private func dnnlActivation(_ act: Nonlinearity) throws -> Tensor {
        let plan = try layout.map { try EltwisePlan.plan(act, blocked: $0) } ?? EltwisePlan.plan(act, count: count)
        let out = layout.map { Tensor(shape: shape, blocked: $0) } ?? Tensor(uninitialized: shape)
        try plan.forward.execute([(DNNL.Arg.src, try DNNLMemory(plan.desc, storage.raw)),
                                  (DNNL.Arg.dst, try DNNLMemory(plan.desc, out.storage.raw))])
        let readsOutput = plan.readsOutput
        out.backwardNeedsOnlySigns = act == .relu
        return out.record([self], reads: readsOutput ? [] : [self], readsOutput: readsOutput) { out in
            if let mask = out.signMask {
                let n = self.storageCount
                self.accumulateGrad(overwriting: true) { SignMask.backward(mask, out.grad!.pointer, $0, count: n) }
                return
            }
            let saved = readsOutput ? (DNNL.Arg.dst, out.storage.raw) : (DNNL.Arg.src, self.storage.raw)
            try self.accumulateGrad(overwriting: true) { gradIn in
                try plan.backward.execute([
                    (saved.0, try DNNLMemory(plan.desc, saved.1)),
                    (DNNL.Arg.diffDst, try DNNLMemory(plan.desc, out.grad!.raw)),
                    (DNNL.Arg.diffSrc, try DNNLMemory(plan.desc, UnsafeMutableRawPointer(gradIn))),
                ])
            }
        }
    }

    /// `max(x, 0)`.
    public func relu() throws -> Tensor { try activation(.relu) }
    /// `min(max(x, 0), 6)`.
    public func relu6() throws -> Tensor { try activation(.relu6) }
    /// `x · relu6(x + 3) / 6`.
    public func hswish() throws -> Tensor { try activation(.hswish) }
    /// `1 / (1 + e^-x)`.
    public func sigmoid() throws -> Tensor { try activation(.sigmoid) }
    /// `x · sigmoid(x)`.
    public func swish() throws -> Tensor { try activation(.swish) }
    /// The hyperbolic tangent.
    public func tanh() throws -> Tensor { try activation(.tanh) }
}
