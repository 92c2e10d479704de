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
}
