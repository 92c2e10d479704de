import Foundation
import NASCore
import NASSpaces
import Testing
@testable import NASSearch

@Suite("Details of the learning strategies")
struct LearnerDetailTests {
    @Test func movingAverageBaselineFollowsItsRecurrence() {
        var b = MovingAverageBaseline(decay: 0.9)
        #expect(b.advantage(of: 0.5) == 0)              // first reward is its own baseline
        #expect(abs(b.advantage(of: 0.7) - 0.2) < 1e-12)
        #expect(abs(b.value! - (0.9 * 0.5 + 0.1 * 0.7)) < 1e-12)
    }

    @Test func entropyBonusAloneSpreadsTheController() throws {
        // With zero advantage the only force is the entropy term: the distribution widens.
        var controller = LSTMController(optionCounts: [4, 4], hiddenSize: 4, embeddingSize: 3, initScale: 0.8, seed: 2)
        var adam = AdamOptimizer(count: controller.parameters.count, learningRate: 0.05)
        let tokens = [1, 2]
        let before = controller.evaluate(tokens).entropy
        for _ in 0..<50 {
            let t = controller.evaluate(tokens)
            let g = controller.gradient(of: t, logitGradients: LSTMController.policyLogitGradients(t, weight: 0, entropyWeight: 1))
            adam.step(&controller.parameters, gradient: g)
        }
        #expect(controller.evaluate(tokens).entropy > before)
        #expect(controller.evaluate(tokens).entropy <= 2 * log(4.0) + 1e-9)
    }

    @Test func ppoIgnoresSamplesOutsideTheClipRange() {
        // A sample whose probability already rose by more than 1+ε with positive advantage gives no gradient.
        let controller = LSTMController(optionCounts: [3, 3], hiddenSize: 4, embeddingSize: 3, seed: 5)
        let tokens = [0, 2]
        let current = controller.evaluate(tokens).logProbability
        let policy = ControllerPolicy(controller: controller, optimizer: AdamOptimizer(count: controller.parameters.count, learningRate: 0.01),
                                      baseline: MovingAverageBaseline(), rng: SeededRandom(seed: 1))
        let state = PPO.State(policy: policy)
        let clipped = state.clippedSurrogateGradient(PPO.Sample(tokens: tokens, oldLogProbability: current - 0.5, advantage: 1),
                                                     clip: 0.2, entropyWeight: 0)
        #expect(clipped.allSatisfy { $0 == 0 })
        let inside = state.clippedSurrogateGradient(PPO.Sample(tokens: tokens, oldLogProbability: current, advantage: 1),
                                                    clip: 0.2, entropyWeight: 0)
        let reinforce = controller.gradient(of: controller.evaluate(tokens),
                                            logitGradients: LSTMController.policyLogitGradients(controller.evaluate(tokens), weight: 1, entropyWeight: 0))
        #expect(zip(inside, reinforce).allSatisfy { abs($0 - $1) < 1e-12 }, "at ratio 1 PPO's gradient is REINFORCE's")
    }

    @Test func epsilonScheduleStepsDown() throws {
        let space = ToySpace(length: 3, options: 3)
        let q = try QLearning(space: space, schedule: [.init(epsilon: 1, trials: 3), .init(epsilon: 0.5, trials: 2),
                                                      .init(epsilon: 0.1, trials: 1)], seed: 1)
        var seen: [Double] = []
        for _ in 0..<8 {
            seen.append(q.epsilon)
            _ = try q.ask(1)
        }
        #expect(seen == [1, 1, 1, 0.5, 0.5, 0.1, 0.1, 0.1])
        #expect(throws: StrategyError.self) { try QLearning(space: space, schedule: [.init(epsilon: 2, trials: 1)], seed: 1) }
    }
}
