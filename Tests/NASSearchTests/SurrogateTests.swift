import Foundation
import NASCore
import NASSpaces
import Testing
@testable import NASSearch

@Suite("Surrogate predictor and predictor-screened evolution")
struct SurrogateTests {
    @Test func inverseTimesMatrixIsIdentity() throws {
        let a: [[Double]] = [[4, 1, 0.5], [1, 3, 0.2], [0.5, 0.2, 2]]
        let inv = try SurrogatePredictor.invert(a)
        for i in 0..<3 {
            for j in 0..<3 {
                let product = (0..<3).reduce(0) { $0 + a[i][$1] * inv[$1][j] }
                #expect(abs(product - (i == j ? 1 : 0)) < 1e-12)
            }
        }
    }

    /// Spearman rank correlation of two samples without ties.
    static func spearman(_ a: [Double], _ b: [Double]) -> Double {
        func ranks(_ v: [Double]) -> [Double] {
            var r = [Double](repeating: 0, count: v.count)
            for (rank, i) in v.indices.sorted(by: { v[$0] < v[$1] }).enumerated() { r[i] = Double(rank) }
            return r
        }
        let ra = ranks(a), rb = ranks(b), n = Double(a.count)
        let d2 = zip(ra, rb).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        return 1 - 6 * d2 / (n * (n * n - 1))
    }

    @Test func ranksHeldOutArchitecturesOfASeparableObjective() throws {
        let space = NB201Space()
        let ev = HiddenTargetEvaluator(space: space, seed: 8)
        var rng = SeededRandom(seed: 1)
        let train = (0..<150).map { _ in space.sample(using: &rng) }
        let test = (0..<100).map { _ in space.sample(using: &rng) }
        var surrogate = SurrogatePredictor()
        try surrogate.fit(train.map { try space.encode($0, as: .onehot) }, train.map { ev.finalAccuracy($0.tokens) })
        let predicted = try test.map { surrogate.predict(try space.encode($0, as: .onehot)).mean }
        let rho = Self.spearman(predicted, test.map { ev.finalAccuracy($0.tokens) })
        #expect(rho > 0.95, "Spearman \(rho)")
        let spread = surrogate.predict(try space.encode(test[0], as: .onehot)).standardDeviation
        #expect(spread > 0)
    }

    @Test func mismatchedDataIsRefused() {
        var s = SurrogatePredictor()
        #expect(throws: StrategyError.self) { try s.fit([[1, 0], [0, 1]], [1]) }
    }

    /// On a space of the same size as NB201 whose objective the linear surrogate can represent
    /// (one-hot encoding), screening 10 mutants per child beats plain evolution on average over 10 seeds.
    @Test func screenedEvolutionBeatsPlainEvolution() throws {
        let space = ToySpace(length: 6, options: 5)
        func mean(_ screening: Int) throws -> Double {
            try Runs.mean(seeds: 0..<10) { s in
                try Runs.bestAccuracy(RegularizedEvolution(space: space, screening: screening, seed: s), space: space,
                                      evaluator: HiddenTargetEvaluator(space: space, seed: 900 + s), trials: 60)
            }
        }
        let plain = try mean(1), screened = try mean(10)
        #expect(screened > plain, "screened \(screened) vs plain \(plain)")
    }
}
