import Foundation
import NASCore
import NASSpaces

/// A synthetic objective with a known optimum: per-decision weights that peak at a hidden target.
///
/// `accuracy = 0.5 + 0.4 · Σ_d w_d(token_d) / length`, with `w_d(target_d) = 1` and the other
/// options' weights drawn in [0, 0.7) from the seed, so the function is separable, the target is
/// its unique maximum (0.9) and every decision matters. Each trial costs one simulated second
/// per epoch; `latency` is the token sum (so constraints have something to bite on); a curve
/// `final · (1 - exp(-epoch / 3))` plus a small per-architecture offset serves low-fidelity strategies.
struct HiddenTargetEvaluator: Evaluator {
    let target: [Int]
    let weights: [[Double]]
    let maxEpochsValue: Int

    init(space: any SearchSpace, seed: UInt64, maxEpochs: Int = 27) {
        var rng = SeededRandom(seed: seed)
        let target = space.decisions.map { rng.nextInt(below: $0.count) }
        self.target = target
        self.weights = space.decisions.enumerated().map { d, decision in
            (0..<decision.count).map { $0 == target[d] ? 1 : 0.7 * rng.nextDouble() }
        }
        self.maxEpochsValue = maxEpochs
    }

    var descriptor: String { "hidden-target" }
    var supportedSpaces: Set<String> { [] }
    var maxEpochs: Int? { maxEpochsValue }

    /// The final (full-fidelity) accuracy of tokens.
    func finalAccuracy(_ tokens: [Int]) -> Double {
        let sum = tokens.enumerated().reduce(0.0) { $0 + weights[$1.offset][$1.element] }
        return 0.5 + 0.4 * sum / Double(tokens.count)
    }

    /// True: results are a function of the exact tokens, so equivalent architectures (NB201's isomorphic cells) differ.
    var recordsEachArchitecture: Bool { true }

    /// The best accuracy in the space (the target's).
    var optimum: Double { finalAccuracy(target) }

    func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity,
                  seed: UInt64, cancel: CancellationToken) throws -> TrialResult {
        try space.validate(architecture)
        let final = finalAccuracy(architecture.tokens)
        let epochs = fidelity.epochs ?? maxEpochsValue
        let curve = (1...max(epochs, 1)).map { e in final * (1 - exp(-Double(e) / 3)) }
        let latency = Double(architecture.tokens.reduce(0, +))
        return TrialResult(metrics: ["accuracy": curve.last!, "test_accuracy": final, "latency": latency,
                                     "params": Double(architecture.tokens.filter { $0 != 0 }.count) * 1000],
                           curve: curve, simulatedSeconds: Double(epochs))
    }
}
