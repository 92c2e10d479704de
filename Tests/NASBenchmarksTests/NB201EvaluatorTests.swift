import Foundation
import NASCore
import NASSpaces
import Testing
@testable import NASBenchmarks

/// The NB201 evaluator finds the published optima and behaves as documented.
@Suite("NB201 evaluator")
struct NB201EvaluatorTests {
    let space = NB201Space()

    /// Evaluates every cell and returns the best `metric` value (as a percentage) and its index.
    func best(_ evaluator: NB201Evaluator, metric: String = "accuracy") throws -> (percent: Double, index: Int, mean: Double) {
        var bestValue = -Double.infinity, bestIndex = -1, sum = 0.0
        for i in 0..<NB201Benchmark.cellCount {
            let result = try evaluator.evaluate(try space.architecture(atIndex: i), in: space, fidelity: .full,
                                                seed: 0, cancel: CancellationToken())
            let value = try #require(result.metrics[metric])
            sum += value
            if value > bestValue { (bestValue, bestIndex) = (value, i) }
        }
        return (bestValue * 100, bestIndex, sum / Double(NB201Benchmark.cellCount) * 100)
    }

    // Published optima: NAS-Bench-201 paper Table 5 and shared/data/README.md section 4.
    @Test("best CIFAR-10 cell: test 94.37%, valid 91.61%, index 6111")
    func cifar10Optimum() throws {
        let test = try best(try NB201Evaluator(dataset: .cifar10, metric: .test))
        #expect(abs(test.percent - 94.373) < 5e-4 && test.index == 6111)
        #expect(abs(test.mean - 87.063) < 5e-4)
        let valid = try best(try NB201Evaluator(dataset: .cifar10, metric: .valid))
        #expect(abs(valid.percent - 91.607) < 5e-4 && valid.index == 6111)
        #expect(abs(valid.mean - 83.687) < 5e-4)
        #expect(space.canonical(try space.architecture(atIndex: 6111))
            == "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|")
    }

    @Test("best CIFAR-100 cell: test 73.513%, valid 73.493%, both index 9930")
    func cifar100Optimum() throws {
        let test = try best(try NB201Evaluator(dataset: .cifar100, metric: .test))
        #expect(abs(test.percent - 73.513) < 5e-4 && test.index == 9930)
        #expect(abs(test.mean - 61.406) < 5e-4)
        let valid = try best(try NB201Evaluator(dataset: .cifar100, metric: .valid))
        #expect(abs(valid.percent - 73.493) < 5e-4 && valid.index == 9930)
    }

    @Test("best ImageNet16-120 cells: test 47.311% at 857, valid 46.733% at 10676")
    func imagenetOptimum() throws {
        let test = try best(try NB201Evaluator(dataset: "ImageNet16-120", metric: "test"))
        #expect(abs(test.percent - 47.311) < 5e-4 && test.index == 857)
        #expect(abs(test.mean - 33.586) < 5e-4)
        let valid = try best(try NB201Evaluator(dataset: .imagenet16, metric: .valid))
        #expect(abs(valid.percent - 46.733) < 5e-4 && valid.index == 10676)
    }

    @Test("best 12-epoch CIFAR-10 test accuracy: 89.16% at index 5374")
    func twelveEpochOptimum() throws {
        let test = try best(try NB201Evaluator(dataset: .cifar10, epochs: 12, metric: .test))
        #expect(abs(test.percent - 89.16) < 5e-4 && test.index == 5374)
    }

    @Test("simulated time is the recorded training time (×12/200 for 12 epochs); params is a count", .enabled(if: SharedData.available))
    func simulatedTime() throws {
        let csv = try #require(SharedData.val200)
        let a = try space.architecture(atIndex: 1)
        let full = try NB201Evaluator(dataset: .cifar100).evaluate(a, in: space, fidelity: .full, seed: 0, cancel: CancellationToken())
        #expect(full.simulatedSeconds == csv.numbers("c100_train_time_s")[1])
        #expect(full.metrics["train_time"] == full.simulatedSeconds)
        #expect(full.metrics["params"] == (csv.numbers("c100_params_M")[1] * 1e6).rounded())
        #expect(full.metrics["valid_accuracy"] == csv.numbers("c100_val_acc_mean")[1] / 100)
        let low = try NB201Evaluator(dataset: .cifar100).evaluate(a, in: space, fidelity: Fidelity(epochs: 12), seed: 0,
                                                                  cancel: CancellationToken())
        #expect(abs(low.simulatedSeconds - full.simulatedSeconds * 12 / 200) < 1e-9)
        #expect(low.metrics["accuracy"] == (try #require(SharedData.epoch12)).numbers("c100_val_acc_12ep")[1] / 100)
    }

    @Test("trial: random picks one of the recorded runs, reproducibly per seed", .enabled(if: SharedData.available))
    func randomTrial() throws {
        let csv = try #require(SharedData.val200)
        let evaluator = try NB201Evaluator(dataset: .cifar10, trial: .random)
        for index in [0, 6111, 12345] {
            let runs = (1...3).map { csv.numbers("c10_val_acc_t\($0)")[index] / 100 }.filter { !$0.isNaN }
            let a = try space.architecture(atIndex: index)
            var seen: Set<Double> = []
            for seed in 0..<60 as Range<UInt64> {
                let first = try evaluator.evaluate(a, in: space, fidelity: .full, seed: seed, cancel: CancellationToken())
                let again = try evaluator.evaluate(a, in: space, fidelity: .full, seed: seed, cancel: CancellationToken())
                let value = try #require(first.metrics["accuracy"])
                #expect(value == again.metrics["accuracy"])
                #expect(runs.contains(value))
                seen.insert(value)
            }
            #expect(seen == Set(runs))
        }
    }

    @Test("settings the table cannot answer are refused with a reason")
    func refusals() throws {
        #expect(throws: BenchmarkError.self) { try NB201Evaluator(dataset: .cifar10, metric: .test, trial: .random) }
        #expect(throws: BenchmarkError.self) { try NB201Evaluator(dataset: .cifar10, epochs: 12, trial: .random) }
        #expect(throws: BenchmarkError.self) { try NB201Evaluator(dataset: .cifar10, epochs: 50) }
        do {
            _ = try NB201Evaluator(dataset: "cifar-1000")
            Issue.record("an unknown dataset was accepted")
        } catch let error as BenchmarkError {
            #expect(error.message.contains("did you mean 'cifar100'"))
        }
        do {
            _ = try NB201Evaluator(dataset: .cifar10, epochs: 12, metric: .test, trial: .random)
            Issue.record("random trials of 12-epoch test accuracy were accepted")
        } catch let error as BenchmarkError {
            #expect(error.message.contains("only as a mean"))
        }
        let evaluator = try NB201Evaluator()
        let a = try space.architecture(atIndex: 3)
        #expect(throws: BenchmarkError.self) {
            try evaluator.evaluate(a, in: NB201Space(channels: 32), fidelity: .full, seed: 0, cancel: CancellationToken())
        }
        #expect(throws: BenchmarkError.self) {
            try evaluator.evaluate(a, in: space, fidelity: Fidelity(epochs: 100), seed: 0, cancel: CancellationToken())
        }
        #expect(throws: BenchmarkError.self) {
            try evaluator.evaluate(Architecture(space: "nb201", tokens: [0, 1, 9, 0, 0, 0]), in: space, fidelity: .full,
                                   seed: 0, cancel: CancellationToken())
        }
    }
}
