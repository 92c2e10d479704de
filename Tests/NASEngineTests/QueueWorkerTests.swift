import Foundation
import NASCore
import NASEngine
import NASSearch
import NASSpaces
import NASStore
import NASTraining
import Testing

/// Runs whose trials go through the store's queue, queue workers, and the descriptions workers rebuild runs from.
@Suite struct QueueWorkerTests {
    /// The trials of a run launched with `workers` in-process workers and batches of 4.
    private func trials(workers: Int, evaluator: RunTestEvaluator) throws -> [TrialRecord] {
        let store = try makeRunTestStore()
        let handle = try RunManager(store: store).launch(
            strategy: RunTestRandomStrategy(space: RunTestSpace(), seed: 8), space: RunTestSpace(), evaluator: evaluator,
            settings: RunSettings(budget: .trials(24), seed: 2, workers: workers, batch: 4))
        let progress = handle.wait()
        #expect(progress.status == .done, "\(progress.error ?? "")")
        #expect(progress.trials == 24)
        return try store.trials(run: handle.id)
    }

    @Test("three in-process workers record the same trials, results and cache hits as the run's own thread")
    func inProcessWorkers() throws {
        let queued = try trials(workers: 3, evaluator: RunTestEvaluator(delay: 0.005))
        let single = try trials(workers: 1, evaluator: RunTestEvaluator())
        #expect(queued.map(\.sequence) == Array(1...24))
        #expect(queued.map(\.tokens) == single.map(\.tokens))
        #expect(queued.map(\.metrics) == single.map(\.metrics))
        #expect(queued.map(\.cached) == single.map(\.cached))
        #expect(queued.map(\.score) == single.map(\.score))
        for trial in queued {
            #expect(trial.metrics["accuracy"] == RunTestEvaluator.accuracy(trial.tokens, seed: 2))
        }
    }

    @Test("a run with in-process workers, cancelled while a batch is queued, resumes to the same trials as one left alone")
    func cancelAndResume() throws {
        let single = try trials(workers: 1, evaluator: RunTestEvaluator())
        let store = try makeRunTestStore()
        let manager = RunManager(store: store)
        let settings = RunSettings(budget: .trials(24), seed: 2, workers: 2, batch: 4)
        let handle = try manager.launch(strategy: RunTestRandomStrategy(space: RunTestSpace(), seed: 8), space: RunTestSpace(),
                                        evaluator: RunTestEvaluator(delay: 0.02), settings: settings)
        while handle.progress.trials < 5 { Thread.sleep(forTimeInterval: 0.002) }
        handle.cancel()
        let stopped = handle.wait()
        #expect(stopped.status == .cancelled && stopped.trials < 24)
        #expect(try store.trials(run: handle.id).allSatisfy { $0.status != .claimed }, "the stopped workers released their trials")
        let resumed = try manager.resume(handle.id, strategy: RunTestRandomStrategy(space: RunTestSpace(), seed: 8),
                                         space: RunTestSpace(), evaluator: RunTestEvaluator())
        #expect(resumed.wait().status == .done)
        let got = try store.trials(run: handle.id)
        #expect(got.map(\.sequence) == Array(1...24))
        #expect(got.map(\.tokens) == single.map(\.tokens))
        #expect(got.map(\.metrics) == single.map(\.metrics))
        #expect(got.allSatisfy { $0.status == .done })
    }

    @Test("early stopping, which watches curves on the run's own thread, is refused with queue workers")
    func earlyStoppingNeedsOneWorker() throws {
        var request = SearchRequest(strategy: "random", space: RunTestSpace(), evaluator: RunTestEvaluator(), budget: .trials(4),
                                    earlyStopping: try EarlyStopping(threshold: 0.05, minEpochs: 3))
        request.workers = 2
        #expect(throws: SearchRequestError.self) { try request.checkEarlyStopping() }
    }

    @Test("launching a run for external workers only refuses an evaluator they cannot rebuild")
    func externalNeedsDescription() throws {
        let store = try makeRunTestStore()
        #expect(throws: RunError.notDescribable(evaluator: "synthetic(v1)", space: "tiny")) {
            _ = try RunManager(store: store).launch(strategy: RunTestRandomStrategy(space: RunTestSpace(), seed: 1),
                                                    space: RunTestSpace(), evaluator: RunTestEvaluator(),
                                                    settings: RunSettings(budget: .trials(4), workers: 0))
        }
    }

    @Test("a worker that cannot rebuild a run's evaluator fails each of its trials with the reason and moves on")
    func cannotRebuild() throws {
        let store = try makeRunTestStore()
        let run = try store.createRun(RunRecord(strategy: "random", space: "tiny", evaluator: "synthetic(v1)",
                                                budget: .trials(3), seed: 1))
        for sequence in 1...3 {
            _ = try store.startTrial(TrialRecord(runID: run, sequence: sequence, architecture: "x-y", identity: "x-y",
                                                 tokens: [0, 1], fidelity: .full, seed: 1, status: .pending, cacheKey: "k\(sequence)"))
        }
        let worker = QueueWorker(store: store, name: "test", options: QueueWorker.Options(idleExit: 0.1))
        worker.run(stop: CancellationToken())
        let rows = try store.trials(run: run)
        #expect(rows.map(\.status) == [.failed, .failed, .failed])
        #expect(rows.allSatisfy { $0.error?.contains("has no stored description") == true }, "\(rows.map(\.error))")
        #expect(worker.completed == 3)
    }

    @Test("the NB201 space and table are described and rebuilt to the same descriptor")
    func describeNB201() throws {
        let space = try SpaceCatalogue.nb201(channels: 8, cells: 2)
        let evaluator = try EvaluatorCatalogue.nb201(dataset: "cifar100", epochs: 12, metric: "test")
        let description = try #require(EvaluatorCatalogue.describe(space: space, evaluator: evaluator))
        #expect(description.json.contains(#""dataset":"cifar100""#))
        let rebuilt = try EvaluatorCatalogue.rebuild(try EvaluationDescription(json: description.json))
        #expect(rebuilt.evaluator.descriptor == "nb201(dataset: cifar100, epochs: 12, metric: test, trial: mean)")
        #expect((rebuilt.space as? NB201Space).map { [$0.channels, $0.cellsPerStage] } == [8, 2])
        #expect(EvaluatorCatalogue.describe(space: RunTestSpace(), evaluator: evaluator) == nil)
    }

    @Test("training on a built-in set is rebuilt by its split and refused when the data's content differs")
    func describeTraining() throws {
        let data = try DatasetCatalogue.builtin("digits", split: DatasetCatalogue.Split(train: 300, valid: 100, test: 100, seed: 3))
        let evaluator = DatasetCatalogue.trainer(data, config: TrainingConfig(epochs: 1, batchSize: 32))
        let description = try #require(EvaluatorCatalogue.describe(space: try SpaceCatalogue.nb201(), evaluator: evaluator))
        let rebuilt = try EvaluatorCatalogue.rebuild(try EvaluationDescription(json: description.json))
        #expect(rebuilt.evaluator.descriptor == evaluator.descriptor)
        var tampered = description
        tampered.evaluator.data?.content = String(repeating: "0", count: 64)
        #expect(throws: WorkerError.self) { _ = try EvaluatorCatalogue.rebuild(tampered) }
        var later = description
        later.version = EvaluationDescription.currentVersion + 1
        #expect(throws: WorkerError.self) { _ = try EvaluationDescription(json: later.json) }
    }
}
