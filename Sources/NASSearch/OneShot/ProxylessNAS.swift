import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining

/// ProxylessNAS: direct architecture search on the target task and hardware (Cai, Zhu & Han, ICLR 2019).
///
/// Paths are binarised. A weight step runs one path per edge drawn from `softmax(α)`. An
/// architecture step draws two candidates per edge, makes one of them active by their renormalised
/// probabilities, runs both (two paths per edge in memory), and takes the gradient of the binary
/// gates, `∂L/∂α_k = Σ_m ∂L/∂g_m · p̃_m (δ_km − p̃_k)` over the pair. To that it adds the gradient of
/// a differentiable expected-latency loss `λ · E[latency] / E₀`, where `E[latency] = Σ_edges Σ_o p_o ·
/// latency_o` comes from a per-option table fitted to whatever latency the run has (`OperationCosts`):
/// a latency evaluator given beside `train(...)` (a device table), else the cost model's
/// multiply-accumulates; `E₀` is the expectation under uniform probabilities, so λ is unitless.
/// (The paper's rescaling of the two sampled logits after each update is left out.)
public final class ProxylessNAS: RelaxedSearch {
    /// λ, the weight of the expected-latency loss.
    let latencyWeight: Double
    /// The per-option latency table (fitted on first use).
    private var costs: OperationCosts?

    /// A ProxylessNAS search on `space` with the data, recipe and latency source of `evaluator`.
    public init(space: any SearchSpace, evaluator: (any Evaluator)?, seed: UInt64,
                latencyWeight: Double = ProxylessNAS.entry.number("latency_weight"),
                architectureRate: Double = ProxylessNAS.entry.number("arch_lr"),
                architectureDecay: Double = ProxylessNAS.entry.number("arch_weight_decay")) throws {
        self.latencyWeight = latencyWeight
        try super.init(name: "proxyless", space: space, evaluator: evaluator, seed: seed, architectureRate: architectureRate,
                       architectureDecay: architectureDecay, settings: ["latency_weight": "\(latencyWeight)"])
    }

    override func step(_ batch: (x: Tensor, labels: [Int]), search: (x: Tensor, labels: [Int]), lr: Double,
                       rng: inout SeededRandom) throws -> Double {
        let p = alpha.probabilities()
        let loss = try lossAndBackward(batch, gates: p.map { PathGate.single(rng.categorical($0)) }, rng: &rng)
        stepWeights(lr: lr)
        let draw = binarySample(p, &rng)
        _ = try lossAndBackward(search, gates: draw.gates, weightGradients: false, rng: &rng)
        var gradient = draw.gradient()
        if latencyWeight > 0 {
            let table = try latencyTable()
            let scale = latencyWeight / max(table.expected(p.map { [Double](repeating: 1 / Double($0.count), count: $0.count) }), 1e-12)
            for r in gradient.indices {
                let g = ArchitectureWeights.softmaxBackward(p[r], table.table[r])
                for k in gradient[r].indices { gradient[r][k] += scale * g[k] }
            }
        }
        updateAlpha(gradient)
        return loss
    }

    /// Two candidates per row, one of them active: the gates and the gradient of the logits from the gates' gradients.
    private func binarySample(_ p: [[Double]], _ rng: inout SeededRandom) -> (gates: [PathGate], gradient: () -> [[Double]]) {
        var gates: [PathGate] = [], pairs: [(Int, Int, [Double], Tensor)] = []
        for (row, probabilities) in p.enumerated() {
            let i = rng.categorical(probabilities)
            var rest = probabilities
            rest[i] = 0
            let j = rest.reduce(0, +) > 0 ? rng.categorical(rest) : i
            let logits = alpha.logits[row]
            let pair = i == j ? [1.0] : ArchitectureWeights.softmax([logits[i], logits[j]])
            let active = i == j || rng.nextDouble() < pair[0] ? i : j
            let leaf = Tensor(shape: [probabilities.count], values: probabilities.indices.map { $0 == active ? 1 : 0 }, requiresGrad: true)
            gates.append(PathGate(options: i == j ? [i] : [i, j], weights: leaf))
            pairs.append((i, j, pair, leaf))
        }
        let gradient = {
            zip(p, pairs).map { probabilities, pair in
                let (i, j, q, leaf) = pair
                var g = [Double](repeating: 0, count: probabilities.count)
                guard i != j else { return g }
                let dGate = leaf.gradValues.map(Double.init)
                let d = [dGate[i], dGate[j]]
                let inner = d[0] * q[0] + d[1] * q[1]
                g[i] = q[0] * (d[0] - inner)
                g[j] = q[1] * (d[1] - inner)
                return g
            }
        }
        return (gates, gradient)
    }

    /// The per-option latency table, fitted on first use.
    private func latencyTable() throws -> OperationCosts {
        if let costs { return costs }
        let fitted = try OperationCosts.fit(space: supernet.space, rows: supernet.rows, metric: latencySource.metric, samples: 200,
                                            seed: seed ^ 0x1A7E, measure: latencySource.measure)
        costs = fitted
        return fitted
    }

    /// The latency of whole architectures: the first companion evaluator that reports a `latency`, else the cost
    /// model's multiply-accumulates.
    private var latencySource: (metric: String, measure: (Architecture) throws -> Double) {
        let space = supernet.space, data = self.data, cancel = self.cancel
        var rng = SeededRandom(seed: seed)
        let probe = space.sampleInSupernet(using: &rng)
        func latency(_ evaluator: any Evaluator, _ a: Architecture) throws -> Double? {
            try evaluator.evaluate(a, in: space, fidelity: .full, seed: 0, cancel: cancel).value(of: "latency")
        }
        if let table = companions.first(where: { (try? latency($0, probe)) != nil }) {
            return ("latency", { a in
                guard let value = try latency(table, a) else {
                    throw StrategyError("proxyless: \(table.descriptor) gives no latency for \(space.canonical(a))")
                }
                return value
            })
        }
        return ("macs", { a in Double(NetworkCost(try space.network(a, input: data.shape, classes: data.classes)).macs) })
    }

    override func architectureMetrics() -> [String: Double] {
        var metrics = super.architectureMetrics()
        if let costs, latencyWeight > 0 { metrics["expected_\(costs.metric)"] = costs.expected(alpha.probabilities()) }
        return metrics
    }
}

extension ProxylessNAS {
    /// The registry's entry: `proxyless(latency_weight: 0.1)`.
    public static let entry = StrategyEntry(
        "proxyless", aliases: ["proxylessnas"], summary: "binarised paths (one or two per edge in memory) and a differentiable latency loss",
        help: "ProxylessNAS trains the weights along one path per edge drawn from softmax(α), and α with binary gates over two "
            + "sampled candidates per edge, so memory holds one or two paths. latency_weight adds λ·E[latency] (normalised by "
            + "its value under uniform probabilities) to α's loss; the per-op latency table is fitted to the latency of a "
            + "latency evaluator given beside the recipe (`using: [train(data, epochs: 10), latency_table]`), else to the "
            + "cost model's multiply-accumulates. Each epoch is one trial: the cell derived from softmax(α).",
        paper: "Cai, Zhu & Han, ProxylessNAS: Direct Neural Architecture Search on Target Task and Hardware, ICLR 2019",
        parameters: [
            StrategyParameter("latency_weight", 0.1, integer: false, minimum: 0, help: "λ, the weight of the expected-latency loss (0: none)"),
            StrategyParameter("arch_lr", 1e-3, integer: false, minimum: 0, maximum: 1, help: "Adam's learning rate for α"),
            StrategyParameter("arch_weight_decay", 0, integer: false, minimum: 0, maximum: 1, help: "weight decay on α"),
        ], isOneShot: true) { c in
        try ProxylessNAS(space: c.space, evaluator: c.evaluator, seed: c.seed, latencyWeight: c.double("latency_weight"),
                         architectureRate: c.double("arch_lr"), architectureDecay: c.double("arch_weight_decay"))
    }
}
