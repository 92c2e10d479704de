import Foundation
import NASCore
import NASSpaces
import NASTensor

/// The architecture parameters α of a gradient-based one-shot method: one row of logits per row of choices.
///
/// Each row is a leaf tensor that Adam updates; the methods compute the gradient of their loss
/// with respect to each row's mixing weights (`softmax(α)`, a relaxed or a hard sample) and pass it
/// back through the softmax here (`addGradient`).
struct ArchitectureWeights {
    /// The logits, one tensor per row.
    let rows: [Tensor]
    /// The optimiser of the logits (DARTS: Adam, learning rate 3·10⁻⁴, β = (0.5, 0.999), weight decay 10⁻³).
    var optimizer: Adam

    /// Logits of `10⁻³ · N(0, 1)` per option, as DARTS initialises them.
    init(rows decisions: [Decision], rng: inout SeededRandom, weightDecay: Double = 1e-3) {
        rows = decisions.map { d in
            Tensor(shape: [d.options.count], values: (0..<d.options.count).map { _ in Float(1e-3 * rng.nextGaussian()) },
                   requiresGrad: true, name: "alpha.\(d.name)")
        }
        optimizer = Adam(beta1: 0.5, beta2: 0.999, weightDecay: weightDecay)
    }

    /// No rows (a placeholder until the supernet is built).
    static func empty() -> ArchitectureWeights {
        var rng = SeededRandom(seed: 0)
        return ArchitectureWeights(rows: [], rng: &rng)
    }

    /// The logits as numbers.
    var logits: [[Double]] { rows.map { $0.values.map(Double.init) } }

    /// `softmax(α / τ)` of every row.
    func probabilities(temperature: Double = 1) -> [[Double]] {
        logits.map { ArchitectureWeights.softmax($0.map { $0 / temperature }) }
    }

    /// A numerically stable softmax.
    static func softmax(_ z: [Double]) -> [Double] {
        let top = z.max() ?? 0
        let e = z.map { Foundation.exp($0 - top) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    /// The gradient with respect to the logits `z` of a loss whose gradient with respect to `p = softmax(z)` is `dp`.
    static func softmaxBackward(_ p: [Double], _ dp: [Double]) -> [Double] {
        let inner = zip(p, dp).reduce(0) { $0 + $1.0 * $1.1 }
        return zip(p, dp).map { $0 * ($1 - inner) }
    }

    /// Differentiable tensors holding given mixing weights, one per row (their gradients arrive in the backward pass).
    static func leaves(_ weights: [[Double]]) -> [Tensor] {
        weights.map { Tensor(shape: [$0.count], values: $0.map(Float.init), requiresGrad: true) }
    }

    /// `softmax(α)` of every row as metrics named `alpha.<row>.<option>`.
    func metrics(rows decisions: [Decision]) -> [String: Double] {
        var metrics: [String: Double] = [:]
        for (d, p) in zip(decisions, probabilities()) {
            for (option, value) in zip(d.options, p) { metrics["alpha.\(d.name).\(option)"] = value }
        }
        return metrics
    }

    /// Adds `gradient` (one array per row, with respect to the logits) to the logits' gradients.
    func addGradient(_ gradient: [[Double]]) {
        for (row, g) in zip(rows, gradient) {
            let buffer = row.ensureGrad().pointer
            for (i, value) in g.enumerated() { buffer[i] += Float(value) }
        }
    }

    /// Clears the logits' gradients.
    func zeroGradient() { for row in rows { row.zeroGrad() } }

    /// One optimiser step on the logits.
    mutating func step(lr: Double) { optimizer.step(rows, lr: lr) }

    /// The logits and the optimiser's state, for checkpoints.
    var state: [Float] { rows.flatMap(\.values) + optimizer.state(of: rows) }

    /// Restores a state written by `state`.
    mutating func restore(_ state: [Float]) {
        var offset = 0
        for row in rows {
            state.withUnsafeBufferPointer { row.data.update(from: $0.baseAddress! + offset, count: row.count) }
            offset += row.count
        }
        optimizer.restore(Array(state[offset...]), of: rows)
    }
}
