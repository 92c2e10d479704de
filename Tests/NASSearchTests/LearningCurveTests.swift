import Foundation
import NASCore
import Testing
@testable import NASSearch

@Suite("Learning-curve extrapolation and pruning")
struct LearningCurveTests {
    @Test func extrapolatesAnExactPowerLaw() throws {
        let truth = { (x: Double) in 0.9 - 0.5 * pow(x, -0.7) }
        let curve = (1...12).map { truth(Double($0)) }
        let extrapolator = LearningCurveExtrapolator()
        let prediction = try extrapolator.predict(curve, at: 100)
        #expect(abs(prediction.mean - truth(100)) < 0.01, "predicted \(prediction.mean), true \(truth(100))")
        let fits = try extrapolator.fit(curve)
        let pow3 = try #require(fits.first { $0.family == .pow3 })
        #expect(pow3.residual < 1e-8)
        #expect(pow3.weight == fits.map(\.weight).max())
    }

    @Test func extrapolatesAnExactExponential() throws {
        let truth = { (x: Double) in 0.8 - exp(-0.5 - 0.25 * x) }
        let curve = (1...10).map { truth(Double($0)) }
        let prediction = try LearningCurveExtrapolator().predict(curve, at: 60)
        #expect(abs(prediction.mean - truth(60)) < 0.01, "predicted \(prediction.mean), true \(truth(60))")
    }

    @Test func probabilityFollowsTheNormalTail() {
        let p = LearningCurveExtrapolator.Prediction(mean: 0.8, standardDeviation: 0.05)
        #expect(abs(p.probability(exceeding: 0.8) - 0.5) < 1e-12)
        #expect(abs(p.probability(exceeding: 0.9) - 0.022750131948179) < 1e-9)   // 1 - Φ(2)
    }

    @Test func tooShortACurveIsRefused() {
        #expect(throws: StrategyError.self) { try LearningCurveExtrapolator().fit([0.1, 0.2]) }
        #expect(throws: StrategyError.self) { try LearningCurvePruner(maxEpochs: 10, minEpochs: 2) }
    }

    /// Sequential training of 30 noisy curves (a shifted power law, not one of the fitted
    /// families): the pruner saves a large share of the epochs and never stops the best trial.
    @Test func prunerSavesEpochsWithoutLosingTheBest() throws {
        let maxEpochs = 30
        let pruner = try LearningCurvePruner(maxEpochs: maxEpochs, threshold: 0.05, minEpochs: 5)
        var rng = SeededRandom(seed: 12)
        var incumbent: Double?
        var spent = 0
        var finals: [Double] = []
        var stoppedFinals: [Double] = []
        for _ in 0..<30 {
            let final = 0.55 + 0.4 * rng.nextDouble()
            let curve = (1...maxEpochs).map { e in
                final * (1 - 0.6 * pow(1 + Double(e), -0.8)) / (1 - 0.6 * pow(31, -0.8)) + 0.003 * rng.nextGaussian()
            }
            finals.append(curve.last!)
            var stopped = false
            for e in stride(from: 5, to: maxEpochs, by: 5) {
                if case .stop = pruner.verdict(curve: Array(curve.prefix(e)), incumbent: incumbent) {
                    spent += e
                    stopped = true
                    stoppedFinals.append(curve.last!)
                    break
                }
            }
            if !stopped {
                spent += maxEpochs
                incumbent = max(incumbent ?? -1, curve.last!)
            }
        }
        #expect(Double(spent) < 0.6 * Double(30 * maxEpochs), "spent \(spent) of \(30 * maxEpochs) epochs")
        #expect(incumbent == finals.max(), "the best trial was pruned")
        #expect(!stoppedFinals.isEmpty)
    }
}
