import Foundation
import NASCore
import Testing
@testable import NASSearch

@Suite("LSTM controller gradients against finite differences")
struct ControllerGradientTests {
    /// The loss whose gradient `policyLogitGradients` + `gradient(of:)` compute, evaluated directly.
    static func loss(_ c: LSTMController, tokens: [Int], weight: Double, entropyWeight: Double) -> Double {
        let t = c.evaluate(tokens)
        return -(weight * t.logProbability + entropyWeight * t.entropy)
    }

    @Test func analyticGradientMatchesCentralDifferences() {
        var controller = LSTMController(optionCounts: [3, 5, 2, 4], hiddenSize: 6, embeddingSize: 4, initScale: 0.5, seed: 11)
        let tokens = [2, 0, 1, 3]
        let weight = 0.7, entropyWeight = 0.3
        let trajectory = controller.evaluate(tokens)
        let dLogits = LSTMController.policyLogitGradients(trajectory, weight: weight, entropyWeight: entropyWeight)
        let analytic = controller.gradient(of: trajectory, logitGradients: dLogits)
        let h = 1e-6
        var worst = 0.0
        for i in controller.parameters.indices {
            let saved = controller.parameters[i]
            controller.parameters[i] = saved + h
            let up = Self.loss(controller, tokens: tokens, weight: weight, entropyWeight: entropyWeight)
            controller.parameters[i] = saved - h
            let down = Self.loss(controller, tokens: tokens, weight: weight, entropyWeight: entropyWeight)
            controller.parameters[i] = saved
            let numeric = (up - down) / (2 * h)
            worst = max(worst, abs(numeric - analytic[i]) / max(1e-4, abs(numeric) + abs(analytic[i])))
        }
        #expect(worst < 1e-5, "largest relative gradient error \(worst)")
        // Every block of weights receives gradient (start vector, embeddings used, gates, outputs).
        #expect(analytic.filter { $0 != 0 }.count > controller.parameters.count / 2)
    }

    @Test func samplingFollowsTheSoftmax() {
        // With all weights zero the controller is uniform: each option about equally often.
        var controller = LSTMController(optionCounts: [4], hiddenSize: 3, embeddingSize: 2, seed: 1)
        controller.parameters = Array(repeating: 0, count: controller.parameters.count)
        let b = controller.layout.outputBias[0]
        controller.parameters[b + 2] = log(3.0)   // option 2 three times as likely as each other one
        var rng = SeededRandom(seed: 3)
        var counts = [0, 0, 0, 0]
        for _ in 0..<6000 { counts[controller.sample(using: &rng).tokens[0]] += 1 }
        #expect(abs(Double(counts[2]) / 6000 - 0.5) < 0.03)
        #expect(abs(Double(counts[0]) / 6000 - 1.0 / 6) < 0.03)
    }

    @Test func adamMinimisesAQuadratic() {
        var x = [3.0, -2.0]
        var adam = AdamOptimizer(count: 2, learningRate: 0.1)
        for _ in 0..<500 { adam.step(&x, gradient: [2 * (x[0] - 1), 2 * (x[1] + 4)]) }
        #expect(abs(x[0] - 1) < 1e-3 && abs(x[1] + 4) < 1e-3)
    }
}
