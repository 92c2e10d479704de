import Foundation

/// Hyperband's brackets of successive halving (Li et al., JMLR 2018), from a maximum epoch count and η.
///
/// With `R = maxEpochs`, `r = minEpochs` and `s_max = ⌊log_η(R/r)⌋`, bracket `s` starts
/// `n = ⌈(s_max+1)/(s+1) · η^s⌉` architectures at `R·η^-s` epochs; rung `i` keeps
/// `⌊n·η^-i⌋` of them at `⌊R·η^(i-s)⌋` epochs, so the last rung trains one or a few at `R`.
/// (Rounding down lets a ladder land on a table's epochs: `R = 200, r = 12, η = 16` gives 12 → 200.)
public struct BudgetLadder: Sendable, Hashable, Codable {
    /// One rung of a bracket: how many architectures, at how many epochs.
    public struct Rung: Sendable, Hashable, Codable {
        /// Architectures evaluated at this rung.
        public var count: Int
        /// Epochs each is trained for.
        public var epochs: Int
    }

    /// The largest fidelity `R`.
    public var maxEpochs: Int
    /// The reduction factor η.
    public var eta: Int
    /// The smallest fidelity `r`.
    public var minEpochs: Int

    /// Creates a ladder; throws unless `1 ≤ minEpochs ≤ maxEpochs` and `η ≥ 2`.
    public init(maxEpochs: Int, eta: Int = 3, minEpochs: Int = 1) throws {
        guard eta >= 2 else { throw StrategyError("η must be at least 2, not \(eta)") }
        guard minEpochs >= 1, minEpochs <= maxEpochs else {
            throw StrategyError("the epoch ladder needs 1 ≤ min epochs (\(minEpochs)) ≤ max epochs (\(maxEpochs))")
        }
        self.maxEpochs = maxEpochs
        self.eta = eta
        self.minEpochs = minEpochs
    }

    /// `s_max`, the index of the most aggressive bracket.
    public var maxBracket: Int {
        var s = 0
        var r = Double(maxEpochs) / Double(minEpochs)
        while r >= Double(eta) - 1e-9 {
            r /= Double(eta)
            s += 1
        }
        return s
    }

    /// The rungs of bracket `s` (0 ≤ s ≤ `maxBracket`).
    public func bracket(_ s: Int) -> [Rung] {
        func power(_ k: Int) -> Int { (0..<k).reduce(1) { p, _ in p * eta } }
        let numerator = (maxBracket + 1) * power(s)
        let n = (numerator + s) / (s + 1)                       // ⌈(s_max+1)·η^s / (s+1)⌉
        return (0...s).map { i in
            let epochs = (Double(maxEpochs) / Double(power(s - i)) + 1e-9).rounded(.down)
            return Rung(count: max(n / power(i), 1), epochs: max(Int(epochs), 1))
        }
    }

    /// Every bracket, most aggressive (`s_max`) first, as Hyperband runs them.
    public var brackets: [[Rung]] { stride(from: maxBracket, through: 0, by: -1).map(bracket) }
}

extension BudgetLadder {
    /// The settings every multi-fidelity strategy shares: the epoch ladder.
    static let parameters = [
        StrategyParameter("max_epochs", 0, minimum: 0, help: "the largest fidelity R in epochs (0: the evaluator's maximum)"),
        StrategyParameter("eta", 3, minimum: 2, help: "the reduction factor η: each rung keeps 1/η at η times the epochs"),
        StrategyParameter("min_epochs", 1, help: "the smallest fidelity r in epochs"),
    ]
}
