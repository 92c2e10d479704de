import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining

/// DARTS: differentiable architecture search (Liu, Simonyan & Yang, ICLR 2019), first and second order.
///
/// Every edge computes `Σ_o softmax(α)_o · o(x)`. Each step first updates α on a batch of the
/// architecture's half of the training set, then the weights on a batch of their half. First
/// order takes `∇_α L_val(w, α)`; second order the gradient of the unrolled validation loss
/// `L_val(w − ξ∇_w L_train(w, α), α)`, which is `∇_α L_val(w', α) − ξ ∇²_{α,w} L_train(w, α) · ∇_{w'} L_val(w', α)`
/// with the Hessian-vector product taken by central finite differences at `w ± ε·v`,
/// `ε = 0.01 / ‖v‖`, and ξ the weights' current learning rate (the paper's choice; its virtual
/// step is plain gradient descent here, without the optimiser's momentum). The derived architecture
/// follows the space's published rule (`SupernetSpace.derive`).
public final class DARTS: RelaxedSearch {
    /// 1: first-order; 2: second-order (unrolled).
    public let order: Int

    /// A DARTS search on `space` with the data and recipe of `evaluator` (a `train(...)` evaluator).
    public init(space: any SearchSpace, evaluator: (any Evaluator)?, seed: UInt64, order: Int = DARTS.entry.integer("order"),
                architectureRate: Double = DARTS.entry.number("arch_lr"),
                architectureDecay: Double = DARTS.entry.number("arch_weight_decay")) throws {
        self.order = order
        try super.init(name: "darts", space: space, evaluator: evaluator, seed: seed, architectureRate: architectureRate,
                       architectureDecay: architectureDecay, settings: ["order": "\(order)"])
    }

    override func step(_ batch: (x: Tensor, labels: [Int]), search: (x: Tensor, labels: [Int]), lr: Double,
                       rng: inout SeededRandom) throws -> Double {
        let gradient = order == 2
            ? try unrolledGradient(train: batch, valid: search, xi: lr, rng: &rng)
            : try architectureGradient(search, weightGradients: false, rng: &rng).alpha
        weightOptimizer.zeroGrad(supernet.parameters)
        updateAlpha(gradient)
        let loss = try lossAndBackward(batch, gates: DARTS.mixing(alpha.probabilities(), leaves: nil), rng: &rng)
        stepWeights(lr: lr)
        return loss
    }

    /// Gates that run every candidate of every row, weighted by `weights` (held in `leaves` when their gradient is wanted).
    static func mixing(_ weights: [[Double]], leaves: [Tensor]?) -> [PathGate] {
        let tensors = leaves ?? weights.map { Tensor(shape: [$0.count], values: $0.map(Float.init)) }
        return tensors.map { PathGate(options: Array(0..<$0.count), weights: $0) }
    }

    /// `∇_α L(w, α)` on a batch, and the loss; the weights' gradients are left in place (the caller clears or uses
    /// them) unless `weightGradients` is false, when none are computed.
    func architectureGradient(_ batch: (x: Tensor, labels: [Int]), weightGradients: Bool = true,
                              rng: inout SeededRandom) throws -> (alpha: [[Double]], loss: Double) {
        let p = alpha.probabilities()
        let leaves = ArchitectureWeights.leaves(p)
        let loss = try lossAndBackward(batch, gates: DARTS.mixing(p, leaves: leaves), weightGradients: weightGradients, rng: &rng)
        let gradient = zip(p, leaves).map { ArchitectureWeights.softmaxBackward($0, $1.gradValues.map(Double.init)) }
        return (gradient, loss)
    }

    /// The second-order architecture gradient (see the type's documentation).
    func unrolledGradient(train: (x: Tensor, labels: [Int]), valid: (x: Tensor, labels: [Int]), xi: Double,
                          rng: inout SeededRandom) throws -> [[Double]] {
        let parameters = supernet.parameters
        let saved = parameters.map(\.values)
        // w' = w − ξ ∇_w L_train(w, α)
        _ = try lossAndBackward(train, gates: DARTS.mixing(alpha.probabilities(), leaves: nil), rng: &rng)
        for p in parameters {
            guard let g = p.grad?.pointer else { continue }
            let w = p.data, rate = Float(xi)
            for i in 0..<p.count { w[i] -= rate * g[i] }
        }
        weightOptimizer.zeroGrad(parameters)
        // ∇_α L_val(w', α) and v = ∇_w' L_val(w', α)
        let direct = try architectureGradient(valid, rng: &rng).alpha
        let v = parameters.map(\.gradValues)
        weightOptimizer.zeroGrad(parameters)
        let norm = v.reduce(0.0) { $0 + $1.reduce(0.0) { $0 + Double($1 * $1) } }.squareRoot()
        DARTS.load(saved, into: parameters)
        guard norm > 0 else { return direct }
        let epsilon = 0.01 / norm
        let plus = try shiftedGradient(train, parameters, saved, v, by: epsilon, rng: &rng)
        let minus = try shiftedGradient(train, parameters, saved, v, by: -epsilon, rng: &rng)
        DARTS.load(saved, into: parameters)
        return zip(direct, zip(plus, minus)).map { d, pm in
            zip(d, zip(pm.0, pm.1)).map { $0 - xi * ($1.0 - $1.1) / (2 * epsilon) }
        }
    }

    /// `∇_α L_train(w + s·v, α)`, the weights' gradients cleared afterwards.
    private func shiftedGradient(_ batch: (x: Tensor, labels: [Int]), _ parameters: [Tensor], _ saved: [[Float]],
                                 _ v: [[Float]], by s: Double, rng: inout SeededRandom) throws -> [[Double]] {
        for (p, (w, d)) in zip(parameters, zip(saved, v)) {
            let target = p.data, step = Float(s)
            w.withUnsafeBufferPointer { w in
                d.withUnsafeBufferPointer { d in
                    for i in 0..<p.count { target[i] = w[i] + step * d[i] }
                }
            }
        }
        let gradient = try architectureGradient(batch, weightGradients: false, rng: &rng).alpha
        weightOptimizer.zeroGrad(parameters)
        return gradient
    }

    /// Writes saved values back into the parameters.
    static func load(_ values: [[Float]], into parameters: [Tensor]) {
        for (p, w) in zip(parameters, values) { w.withUnsafeBufferPointer { p.data.update(from: $0.baseAddress!, count: p.count) } }
    }
}

extension DARTS {
    /// The registry's entry: `darts(order: 2)`.
    public static let entry = StrategyEntry(
        "darts", summary: "differentiable architecture search: a softmax mix of every op on every edge, α by gradient",
        help: "DARTS trains a supernet where every edge computes Σ softmax(α)·op(x), alternating a weight step on half of the "
            + "training data with an architecture step on the other half; order 2 uses the unrolled gradient with a "
            + "finite-difference Hessian-vector product. Each epoch is one trial: the cell it would derive now (strongest "
            + "non-none op per edge; top-2 inputs per node in DARTS cells), scored by the supernet, with softmax(α) as "
            + "alpha.<edge>.<op> metrics. Launch it with a training recipe: `launch darts(order: 2) on nb201() using "
            + "train(data, epochs: 20, batch: 64)`. Known weakness: it drifts to parameter-free ops (skip connections).",
        paper: "Liu, Simonyan & Yang, DARTS: Differentiable Architecture Search, ICLR 2019",
        parameters: [
            StrategyParameter("order", 1, minimum: 1, maximum: 2, help: "1: first-order approximation; 2: the unrolled gradient"),
            StrategyParameter("arch_lr", 3e-4, integer: false, minimum: 0, maximum: 1, help: "Adam's learning rate for α"),
            StrategyParameter("arch_weight_decay", 1e-3, integer: false, minimum: 0, maximum: 1, help: "weight decay on α"),
        ], isOneShot: true) { c in
        try DARTS(space: c.space, evaluator: c.evaluator, seed: c.seed, order: c.int("order"),
                  architectureRate: c.double("arch_lr"), architectureDecay: c.double("arch_weight_decay"))
    }
}
