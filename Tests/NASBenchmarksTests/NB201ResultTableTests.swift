import NASCore
import NASSpaces
import Testing
@testable import NASBenchmarks

/// The evaluator's prebuilt results equal the table's columns, whichever path answers.
@Suite("NB201 result tables")
struct NB201ResultTableTests {
    let space = NB201Space()

    /// The documented result of a cell, written from the columns here.
    static func expected(_ r: NB201DatasetResults, index i: Int, epochs: Int, metric: NB201Metric) -> TrialResult {
        let valid = epochs == 200 ? r.validMean[i] : r.valid12[i]
        let test = epochs == 200 ? r.test200?[i] : r.test12[i]
        var metrics = ["valid_accuracy": valid, "params": r.params[i], "train_time": r.trainTime[i] * Double(epochs) / 200]
        metrics["accuracy"] = metric == .valid ? valid : test
        if let test { metrics["test_accuracy"] = test }
        return TrialResult(metrics: metrics, simulatedSeconds: r.trainTime[i] * Double(epochs) / 200)
    }

    func evaluate(_ e: NB201Evaluator, _ index: Int, epochs: Int? = nil) throws -> TrialResult {
        try e.evaluate(try space.architecture(atIndex: index), in: space, fidelity: Fidelity(epochs: epochs), seed: 5,
                       cancel: CancellationToken())
    }

    @Test("shared tables, a private copy's table and an epoch override all give the columns' values",
          arguments: NB201Dataset.allCases)
    func tablesEqualColumns(dataset: NB201Dataset) throws {
        let shared = try NB201Benchmark.shared()
        let copy = try NB201Benchmark.load()
        let r = shared.results(dataset)
        for (epochs, metric) in [(12, NB201Metric.valid), (12, .test), (200, .valid)] {
            let viaShared = try NB201Evaluator(dataset: dataset, epochs: epochs, metric: metric)
            let viaCopy = try NB201Evaluator(dataset: dataset, epochs: epochs, metric: metric, trial: .mean, benchmark: copy)
            let other = epochs == 12 ? 200 : 12
            let overridden = try NB201Evaluator(dataset: dataset, epochs: other, metric: .valid)
            for i in stride(from: 0, to: NB201Benchmark.cellCount, by: 97) {
                let want = Self.expected(r, index: i, epochs: epochs, metric: metric)
                #expect(try evaluate(viaShared, i) == want)
                #expect(try evaluate(viaCopy, i) == want)
                if metric == .valid { #expect(try evaluate(overridden, i, epochs: epochs) == want) }
            }
        }
    }

    @Test("the table handed to loops has, for every cell, exactly what evaluate returns (12 and 200 epochs)",
          arguments: NB201Dataset.allCases)
    func loopTableEqualsEvaluate(dataset: NB201Dataset) throws {
        let evaluator = try NB201Evaluator(dataset: dataset, epochs: 12, metric: .valid)
        for epochs in [nil, 12, 200] {
            let fidelity = Fidelity(epochs: epochs)
            let table = try #require(evaluator.resultTable(for: space, fidelity: fidelity))
            #expect(table.count == NB201Benchmark.cellCount)
            for index in stride(from: 0, to: NB201Benchmark.cellCount, by: 7) {
                let architecture = try space.architecture(atIndex: index)
                let row = try #require(table.row(of: architecture))
                let evaluated = try evaluator.evaluate(architecture, in: space, fidelity: fidelity, seed: UInt64(index),
                                                       cancel: CancellationToken())
                #expect(table[row] == evaluated)
                #expect(table.simulatedSeconds[row] == evaluated.simulatedSeconds)
            }
        }
    }

    @Test("no table where results are not a fixed table: per-run draws, a data fraction, another skeleton or space")
    func noTableWhereResultsVary() throws {
        let mean = try NB201Evaluator(dataset: .cifar10, epochs: 200, metric: .valid)
        let random = try NB201Evaluator(dataset: .cifar10, epochs: 200, metric: .valid, trial: .random)
        #expect(random.resultTable(for: space, fidelity: .full) == nil)
        #expect(mean.resultTable(for: space, fidelity: Fidelity(dataFraction: 0.5)) == nil)
        #expect(mean.resultTable(for: space, fidelity: Fidelity(epochs: 50)) == nil)
        #expect(mean.resultTable(for: NB201Space(channels: 8, cellsPerStage: 5), fidelity: .full) == nil)
        #expect(mean.resultTable(for: CellSpace(), fidelity: .full) == nil)
        // A cell of another space with six small tokens has no row.
        let table = try #require(mean.resultTable(for: space, fidelity: .full))
        #expect(table.row(of: Architecture(space: "other", tokens: [0, 1, 2, 3, 4, 0])) == nil)
    }
}
