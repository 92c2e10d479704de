import Foundation
import NASCore
import Testing
@testable import NASTensor

/// Optimisers and schedules against their update rules written out in Double.
@Suite struct OptimizerTests {
    /// Runs `steps` updates of `f(w) = Σ (w − 3)²` from `w = [1, -2]`, returning the weights.
    private func descend(_ optimizer: inout some Optimizer, steps: Int, lr: Double) throws -> [Float] {
        let w = Tensor(shape: [2], values: [1, -2], requiresGrad: true)
        let target = Tensor(shape: [2], values: [-3, -3])
        for _ in 0..<steps {
            w.zeroGrad()
            let d = try w + target
            try d.mul(d).sumAll().backward()
            optimizer.step([w], lr: lr)
        }
        return w.values
    }

    @Test func sgdWithMomentumNesterovAndDecay() throws {
        var sgd = SGD(momentum: 0.9, nesterov: true, weightDecay: 0.01)
        let got = try descend(&sgd, steps: 5, lr: 0.05)
        for (k, start) in [1.0, -2.0].enumerated() {
            var w = start, v = 0.0
            for _ in 0..<5 {
                let g = 2 * (w - 3) + 0.01 * w
                v = 0.9 * v + g
                w -= 0.05 * (g + 0.9 * v)
            }
            #expect(abs(Double(got[k]) - w) < 1e-5)
        }
    }

    @Test func adamWithBiasCorrection() throws {
        var adam = Adam()
        let got = try descend(&adam, steps: 4, lr: 0.1)
        for (k, start) in [1.0, -2.0].enumerated() {
            var w = start, m = 0.0, v = 0.0
            for t in 1...4 {
                let g = 2 * (w - 3)
                m = 0.9 * m + 0.1 * g
                v = 0.999 * v + 0.001 * g * g
                let mHat = m / (1 - pow(0.9, Double(t))), vHat = v / (1 - pow(0.999, Double(t)))
                w -= 0.1 * mHat / (vHat.squareRoot() + 1e-8)
            }
            #expect(abs(Double(got[k]) - w) < 1e-5)
        }
    }

    @Test func schedules() {
        let cosine = LearningRateSchedule.cosine(minimum: 0)
        #expect(cosine.rate(base: 0.1, step: 0, totalSteps: 100) == 0.1)
        #expect(abs(cosine.rate(base: 0.1, step: 50, totalSteps: 100) - 0.05) < 1e-12)
        #expect(abs(cosine.rate(base: 0.1, step: 100, totalSteps: 100)) < 1e-12)
        let step = LearningRateSchedule.step(every: 10, gamma: 0.5)
        #expect(step.rate(base: 1, step: 9, totalSteps: 100) == 1)
        #expect(step.rate(base: 1, step: 25, totalSteps: 100) == 0.25)
        let warm = LearningRateSchedule.warmup(steps: 4, then: .constant)
        #expect(warm.rate(base: 1, step: 0, totalSteps: 10) == 0.25)
        #expect(warm.rate(base: 1, step: 3, totalSteps: 10) == 1)
        #expect(warm.rate(base: 1, step: 7, totalSteps: 10) == 1)
    }

    @Test func kaimingInitialisationHasTheRightSpread() {
        var rng = SeededRandom(seed: 3)
        let w = Tensor.kaimingNormal([64, 32, 3, 3], fanIn: 288, rng: &rng)
        let values = w.values.map(Double.init)
        let mean = values.reduce(0, +) / Double(values.count)
        let std = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
        #expect(abs(mean) < 0.005)
        #expect(abs(std - (2.0 / 288).squareRoot()) < 0.003)
    }
}

/// The kernel thread setting reaches OpenMP.
@Suite struct ComputeThreadsTests {
    @Test func settingTheThreadCountIsVisible() {
        #expect(ComputeThreads.apply(1))
        #expect(ComputeThreads.current == 1)
        #expect(ComputeThreads.apply(nil))
        #expect(ComputeThreads.current == ProcessInfo.processInfo.activeProcessorCount)
    }
}
