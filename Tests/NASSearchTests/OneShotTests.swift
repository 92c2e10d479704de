import Foundation
import NASCore
import NASSpaces
import NASTensor
import Testing
@testable import NASSearch
@testable import NASTraining

/// A tiny NB201 supernet on random 6×6 images: small enough for finite differences.
private enum OneShotFixture {
    static let space = NB201Space(channels: 4, cellsPerStage: 1)

    static func evaluator(epochs: Int = 3, samples: Int = 64, batch: Int = 8) throws -> TrainingEvaluator {
        var rng = SeededRandom(seed: 11)
        let count = samples + 32
        let values = (0..<(count * 36)).map { _ in Float(rng.nextGaussian()) }
        let labels = (0..<count).map { _ in rng.nextInt(below: 3) }
        let pool = LabeledData(shape: [1, 6, 6], values: values, labels: labels)
        let data = try Dataset(name: "random", pool: pool, testSet: nil, classes: 3, train: samples, valid: 16, test: 16, seed: 1)
        return TrainingEvaluator(dataset: data, config: TrainingConfig(epochs: epochs, batchSize: batch, learningRate: 0.05))
    }

    static func batch(_ search: OneShotSearch, _ part: LabeledData, _ indices: Range<Int>) -> (x: Tensor, labels: [Int]) {
        var none: SeededRandom? = nil
        return BatchLoader().tensor(part, shape: search.data.shape, indices: Array(indices), augment: &none)
    }

    /// Runs one epoch as the loop does (ask, evaluate, tell) and returns the proposal.
    static func epoch(_ search: OneShotSearch) throws -> Proposal {
        let proposal = try #require(try search.ask(1).first)
        let result = try search.evaluator.evaluate(proposal.architecture, in: space, fidelity: proposal.fidelity, seed: 1,
                                                   cancel: CancellationToken())
        try search.tell(proposal, result: result, score: result.value(of: "accuracy") ?? 0)
        return proposal
    }
}

@Suite("One-shot methods")
struct OneShotTests {
    /// `L_val(w − ξ∇_w L_train(w, α), α)` at the current α, the weights left as they were.
    private func unrolledLoss(_ darts: DARTS, train: (x: Tensor, labels: [Int]), valid: (x: Tensor, labels: [Int]),
                              xi: Double) throws -> Double {
        let parameters = darts.supernet.parameters
        let saved = parameters.map(\.values)
        defer { DARTS.load(saved, into: parameters) }
        var rng = SeededRandom(seed: 0)
        let gates = DARTS.mixing(darts.alpha.probabilities(), leaves: nil)
        _ = try darts.lossAndBackward(train, gates: gates, rng: &rng)
        for p in parameters { if let g = p.grad { for i in 0..<p.count { p.data[i] -= Float(xi) * g.pointer[i] } } }
        darts.weightOptimizer.zeroGrad(parameters)
        let loss = try darts.supernet.forward(valid.x, gates: gates, training: true, rng: &rng).softmaxCrossEntropy(labels: valid.labels)
        return Double(loss.values[0])
    }

    @Test("second-order DARTS: the architecture gradient equals finite differences of the unrolled validation loss")
    func secondOrderGradient() throws {
        let darts = try DARTS(space: SmoothSupernetSpace(), evaluator: try OneShotFixture.evaluator(), seed: 3, order: 2)
        for row in darts.alpha.rows { for i in 0..<row.count { row.data[i] = Float(i) * 0.3 - 0.5 } }
        let train = OneShotFixture.batch(darts, darts.weightPart, 0..<16)
        let valid = OneShotFixture.batch(darts, darts.searchPart, 0..<16)
        let xi = 0.5
        var rng = SeededRandom(seed: 0)
        let analytic = try darts.unrolledGradient(train: train, valid: valid, xi: xi, rng: &rng)
        let firstOrder = try darts.architectureGradient(valid, rng: &rng).alpha
        darts.weightOptimizer.zeroGrad(darts.supernet.parameters)
        var numeric: [Double] = [], second: [Double] = [], first: [Double] = []
        let h: Float = 0.02
        for (row, option) in [(0, 1), (0, 2), (0, 3), (1, 2), (1, 4), (1, 0)] {
            let logit = darts.alpha.rows[row]
            let original = logit.data[option]
            logit.data[option] = original + h
            let up = try unrolledLoss(darts, train: train, valid: valid, xi: xi)
            logit.data[option] = original - h
            let down = try unrolledLoss(darts, train: train, valid: valid, xi: xi)
            logit.data[option] = original
            numeric.append((up - down) / Double(2 * h))
            second.append(analytic[row][option])
            first.append(firstOrder[row][option])
        }
        func distance(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot() }
        let norm = numeric.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(norm > 1e-4, "the unrolled loss must depend on α: \(numeric)")
        #expect(distance(second, numeric) <= 0.1 * norm, "second order \(second) against finite differences \(numeric)")
        #expect(distance(first, numeric) > distance(second, numeric),
                "the second-order term must matter here: first order \(first), second \(second), numeric \(numeric)")
    }

    @Test("resume: a method restored from its checkpoint after epoch 2 trains epoch 3 exactly as an uninterrupted run",
          arguments: ["darts", "gdas", "snas", "proxyless", "enas", "spos"])
    func resumeEquality(method: String) throws {
        let evaluator = try OneShotFixture.evaluator()
        func make() throws -> OneShotSearch {
            let settings: [String: Double] = method == "enas" ? ["controller_steps": 3] : [:]
            return try #require(try StrategyRegistry.make(method, settings: settings, space: OneShotFixture.space, seed: 5,
                                                          evaluator: evaluator) as? OneShotSearch)
        }
        let straight = try make()
        for _ in 0..<2 { _ = try OneShotFixture.epoch(straight) }
        let checkpoint = try straight.checkpoint()
        let third = try OneShotFixture.epoch(straight)
        let resumed = try make()
        try resumed.restore(from: checkpoint)
        let again = try OneShotFixture.epoch(resumed)
        #expect(again == third)
        #expect(resumed.supernet.model.stateValues() == straight.supernet.model.stateValues())
        if let a = resumed as? RelaxedSearch, let b = straight as? RelaxedSearch { #expect(a.alpha.state == b.alpha.state) }
        if let a = resumed as? ENAS, let b = straight as? ENAS { #expect(a.controller.controller.parameters == b.controller.controller.parameters) }
        #expect(resumed.isFinished && straight.isFinished)
    }

    @Test("a checkpoint of another method or a truncated one is refused with a clear error")
    func badCheckpoints() throws {
        let evaluator = try OneShotFixture.evaluator()
        let darts = try DARTS(space: OneShotFixture.space, evaluator: evaluator, seed: 1)
        let gdas = try GDAS(space: OneShotFixture.space, evaluator: evaluator, seed: 1)
        let data = try darts.checkpoint()
        #expect(throws: StrategyError.self) { try gdas.restore(from: data) }
        #expect(throws: StrategyError.self) { try darts.restore(from: data.prefix(data.count - 5)) }
    }

    @Test("GDAS and ProxylessNAS keep one or two candidates per edge alive; DARTS all of them")
    func pathsInMemory() throws {
        let evaluator = try OneShotFixture.evaluator()
        let darts = try DARTS(space: OneShotFixture.space, evaluator: evaluator, seed: 1)
        let gdas = try GDAS(space: OneShotFixture.space, evaluator: evaluator, seed: 1)
        var rng = SeededRandom(seed: 2)
        func liveConvolutions(_ supernet: Supernet, _ gates: [PathGate]) throws -> Int {
            let paths = try ActivePaths(passSpec: supernet.model.passSpec, supernet: supernet.spec, gates: gates)
            return supernet.spec.network.nodes.filter { paths.isLive($0.id) && $0.name.contains("edge") && $0.name.hasSuffix(".conv") }.count
        }
        let all = try liveConvolutions(darts.supernet, DARTS.mixing(darts.alpha.probabilities(), leaves: nil))
        let one = try liveConvolutions(gdas.supernet, gdas.hardSample(&rng).gates)
        #expect(all == 3 * 6 * 2, "every cell (3) and edge (6) runs both convolutions")
        #expect(one <= 3 * 6 && one < all)
    }

    @Test("the ProxylessNAS cost table fitted to an additive cost recovers it: parameters per operation")
    func costTableRecoversParameters() throws {
        let space = OneShotFixture.space
        let rows = try space.supernet(input: space.defaultInput, classes: 10).rows
        let costs = try OperationCosts.fit(space: space, rows: rows, metric: "params", samples: 150, seed: 1) { a in
            Double(NetworkCost(try space.network(a, input: TensorShape(channels: 1, height: 6, width: 6), classes: 3)).params)
        }
        // A 3×3 ReLU-conv-BN on C channels holds 9C² + 2C values, a skip none: over the three cells (C = 4, 8, 16).
        let expected = [4.0, 8, 16].reduce(0) { $0 + 9 * $1 * $1 + 2 * $1 }
        for row in costs.table {
            #expect(abs((row[3] - row[1]) - expected) < 1e-3 * expected, "\(row)")
        }
        #expect(costs.fitError < 1e-6)
    }

    @Test("a one-shot method without a training recipe, or on a space without a supernet, says what it needs")
    func clearErrors() throws {
        #expect(throws: StrategyError.self) { try DARTS(space: OneShotFixture.space, evaluator: nil, seed: 1) }
        #expect(throws: StrategyError.self) {
            try DARTS(space: OFASpace(), evaluator: try OneShotFixture.evaluator(), seed: 1)
        }
    }
}
