import Foundation
import NASCore

/// The RNN controller of Zoph & Le (ICLR 2017): an LSTM that emits an architecture token by token.
///
/// Step `t` reads an embedding of the token chosen at step `t-1` (a learned start vector at
/// step 0), advances one LSTM cell, and puts a softmax over decision `t`'s options through a
/// per-decision output layer. All weights live in one flat vector, so an optimiser and a
/// finite-difference check treat them uniformly. Backpropagation through time is written out
/// by hand (`gradient(of:logitGradients:)`).
public struct LSTMController: Sendable, Hashable, Codable {
    /// Where each weight block starts in `parameters`.
    struct Layout: Sendable, Hashable, Codable {
        var start: Int
        var embeddings: [Int]
        var gateWeights: Int
        var gateBias: Int
        var outputWeights: [Int]
        var outputBias: [Int]
        var count: Int
    }

    /// The number of options of each decision, in token order.
    public let optionCounts: [Int]
    /// The LSTM's hidden size.
    public let hiddenSize: Int
    /// The size of token embeddings (the LSTM's input).
    public let embeddingSize: Int
    /// Every weight, in one vector.
    public var parameters: [Double]
    let layout: Layout

    /// Creates a controller with weights drawn uniformly from ±`initScale`.
    public init(optionCounts: [Int], hiddenSize: Int = 32, embeddingSize: Int = 16, initScale: Double = 0.1,
                seed: UInt64) {
        self.optionCounts = optionCounts
        self.hiddenSize = hiddenSize
        self.embeddingSize = embeddingSize
        self.layout = LSTMController.makeLayout(optionCounts, hiddenSize, embeddingSize)
        var rng = SeededRandom(seed: seed)
        self.parameters = (0..<layout.count).map { _ in (2 * rng.nextDouble() - 1) * initScale }
    }

    private static func makeLayout(_ counts: [Int], _ h: Int, _ e: Int) -> Layout {
        var offset = 0
        func take(_ n: Int) -> Int { defer { offset += n }; return offset }
        let start = take(e)
        let embeddings = counts.map { take($0 * e) }
        let gateWeights = take(4 * h * (e + h))
        let gateBias = take(4 * h)
        let outputWeights = counts.map { take($0 * h) }
        let outputBias = counts.map { take($0) }
        return Layout(start: start, embeddings: embeddings, gateWeights: gateWeights, gateBias: gateBias,
                      outputWeights: outputWeights, outputBias: outputBias, count: offset)
    }

    /// What one step kept for the backward pass.
    struct StepCache: Sendable {
        var input: [Double]        // [x; h_prev]
        var gates: [Double]        // i, f, g, o after their nonlinearities
        var cellPrev: [Double]
        var cellTanh: [Double]
        var hidden: [Double]
    }

    /// A token sequence with the controller's distributions along it.
    public struct Trajectory: Sendable {
        /// The tokens, one per decision.
        public var tokens: [Int]
        /// The softmax over each decision's options.
        public var probabilities: [[Double]]
        var caches: [StepCache]

        /// The log-probability of the whole sequence.
        public var logProbability: Double {
            zip(tokens, probabilities).reduce(0) { $0 + log(max($1.1[$1.0], 1e-300)) }
        }

        /// The sum over steps of the entropy of each step's distribution.
        public var entropy: Double {
            probabilities.reduce(0) { $0 + LSTMController.entropy($1) }
        }
    }

    /// Samples a sequence token by token.
    public func sample(using rng: inout SeededRandom) -> Trajectory {
        run { probs in rng.categorical(probs) }
    }

    /// The most likely sequence, decoded greedily (the most probable token at each step).
    public func mostLikely() -> Trajectory {
        run { probs in probs.indices.max { probs[$0] < probs[$1] } ?? 0 }
    }

    /// Runs the controller along given tokens (teacher forcing), to score or differentiate them.
    public func evaluate(_ tokens: [Int]) -> Trajectory {
        precondition(tokens.count == optionCounts.count, "controller: one token per decision")
        var t = 0
        return run { _ in defer { t += 1 }; return tokens[t] }
    }

    private func run(_ choose: ([Double]) -> Int) -> Trajectory {
        let h = hiddenSize
        var hidden = [Double](repeating: 0, count: h)
        var cell = [Double](repeating: 0, count: h)
        var x = Array(parameters[layout.start..<(layout.start + embeddingSize)])
        var tokens: [Int] = []
        var probabilities: [[Double]] = []
        var caches: [StepCache] = []
        for (d, count) in optionCounts.enumerated() {
            let input = x + hidden
            let gates = gateActivations(input)
            let cellPrev = cell
            for j in 0..<h { cell[j] = gates[h + j] * cellPrev[j] + gates[j] * gates[2 * h + j] }
            let cellTanh = cell.map { tanh($0) }
            for j in 0..<h { hidden[j] = gates[3 * h + j] * cellTanh[j] }
            let probs = LSTMController.softmax(logits(decision: d, hidden: hidden))
            let token = choose(probs)
            tokens.append(token)
            probabilities.append(probs)
            caches.append(StepCache(input: input, gates: gates, cellPrev: cellPrev, cellTanh: cellTanh, hidden: hidden))
            let e = layout.embeddings[d] + token * embeddingSize
            x = Array(parameters[e..<(e + embeddingSize)])
            _ = count
        }
        return Trajectory(tokens: tokens, probabilities: probabilities, caches: caches)
    }

    private func gateActivations(_ input: [Double]) -> [Double] {
        let h = hiddenSize, n = input.count
        var z = Array(parameters[layout.gateBias..<(layout.gateBias + 4 * h)])
        parameters.withUnsafeBufferPointer { p in
            input.withUnsafeBufferPointer { x in
                z.withUnsafeMutableBufferPointer { z in
                    let w = p.baseAddress! + layout.gateWeights
                    for r in 0..<(4 * h) {
                        var s = 0.0
                        let row = w + r * n
                        for c in 0..<n { s += row[c] * x[c] }
                        z[r] += s
                    }
                }
            }
        }
        for j in 0..<h {
            z[j] = LSTMController.sigmoid(z[j])
            z[h + j] = LSTMController.sigmoid(z[h + j])
            z[2 * h + j] = tanh(z[2 * h + j])
            z[3 * h + j] = LSTMController.sigmoid(z[3 * h + j])
        }
        return z
    }

    private func logits(decision d: Int, hidden: [Double]) -> [Double] {
        let w = layout.outputWeights[d], b = layout.outputBias[d], h = hiddenSize
        return parameters.withUnsafeBufferPointer { p in
            (0..<optionCounts[d]).map { k in
                var s = p[b + k]
                for j in 0..<h { s += p[w + k * h + j] * hidden[j] }
                return s
            }
        }
    }

    /// The gradient with respect to `parameters` of a loss whose gradient with respect to each
    /// step's logits is `logitGradients[t]` (backpropagation through time).
    public func gradient(of trajectory: Trajectory, logitGradients: [[Double]]) -> [Double] {
        let h = hiddenSize, e = embeddingSize, n = e + h
        var grad = [Double](repeating: 0, count: parameters.count)
        var dHiddenNext = [Double](repeating: 0, count: h)
        var dCellNext = [Double](repeating: 0, count: h)
        for t in stride(from: optionCounts.count - 1, through: 0, by: -1) {
            let cache = trajectory.caches[t]
            let dz = logitGradients[t]
            var dHidden = dHiddenNext
            let w = layout.outputWeights[t], b = layout.outputBias[t]
            for k in 0..<optionCounts[t] {
                grad[b + k] += dz[k]
                for j in 0..<h {
                    grad[w + k * h + j] += dz[k] * cache.hidden[j]
                    dHidden[j] += dz[k] * parameters[w + k * h + j]
                }
            }
            var dGates = [Double](repeating: 0, count: 4 * h)
            for j in 0..<h {
                let i = cache.gates[j], f = cache.gates[h + j], g = cache.gates[2 * h + j], o = cache.gates[3 * h + j]
                let tc = cache.cellTanh[j]
                let dCell = dHidden[j] * o * (1 - tc * tc) + dCellNext[j]
                dGates[j] = dCell * g * i * (1 - i)
                dGates[h + j] = dCell * cache.cellPrev[j] * f * (1 - f)
                dGates[2 * h + j] = dCell * i * (1 - g * g)
                dGates[3 * h + j] = dHidden[j] * tc * o * (1 - o)
                dCellNext[j] = dCell * f
            }
            var dInput = [Double](repeating: 0, count: n)
            parameters.withUnsafeBufferPointer { p in
                grad.withUnsafeMutableBufferPointer { g in
                    cache.input.withUnsafeBufferPointer { x in
                        dInput.withUnsafeMutableBufferPointer { dx in
                            for r in 0..<(4 * h) where dGates[r] != 0 {
                                let d = dGates[r]
                                g[layout.gateBias + r] += d
                                let row = layout.gateWeights + r * n
                                for c in 0..<n {
                                    g[row + c] += d * x[c]
                                    dx[c] += d * p[row + c]
                                }
                            }
                        }
                    }
                }
            }
            let inputOffset = t == 0 ? layout.start : layout.embeddings[t - 1] + trajectory.tokens[t - 1] * e
            for c in 0..<e { grad[inputOffset + c] += dInput[c] }
            dHiddenNext = Array(dInput[e..<n])
        }
        return grad
    }

    /// The gradient of `-(weight · log p(tokens) + entropyWeight · entropy)` with respect to each step's logits.
    public static func policyLogitGradients(_ trajectory: Trajectory, weight: Double, entropyWeight: Double) -> [[Double]] {
        zip(trajectory.tokens, trajectory.probabilities).map { token, probs in
            let h = entropy(probs)
            return probs.indices.map { k in
                let dLogP = (k == token ? 1 : 0) - probs[k]
                let dEntropy = -probs[k] * (log(max(probs[k], 1e-300)) + h)
                return -(weight * dLogP + entropyWeight * dEntropy)
            }
        }
    }

    static func softmax(_ z: [Double]) -> [Double] {
        let m = z.max() ?? 0
        let e = z.map { exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    static func entropy(_ p: [Double]) -> Double {
        -p.reduce(0) { $0 + ($1 > 0 ? $1 * log($1) : 0) }
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
