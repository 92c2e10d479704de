import Foundation
import NASCore
import NASEngine
import NASSearch
import NASSpaces
import NASStore
import Testing

/// A run left to external workers, and a worker that rebuilds it from the store.
@Suite struct ExternalWorkerTests {
    @Test("a run with workers: 0 shows its queued batch and waits; a worker rebuilding it from the store finishes it")
    func externalWorker() throws {
        let store = try makeRunTestStore()
        let space = try SpaceCatalogue.nb201()
        let evaluator = try EvaluatorCatalogue.nb201(dataset: "cifar10", epochs: 12)
        let handle = try RunManager(store: store).launch(
            strategy: RunTestRandomStrategy(space: space, seed: 4), space: space, evaluator: evaluator,
            settings: RunSettings(budget: .trials(9), seed: 1, workers: 0, batch: 3))
        let deadline = Date().addingTimeInterval(10)
        while handle.progress.queued == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(handle.progress.queued == 3 && handle.progress.trials == 0, "no worker yet: the first batch waits")
        #expect(handle.progress.line.contains("0/9 trials, 3 queued for workers"), "\(handle.progress.line)")
        let worker = QueueWorker(store: store, name: "external", options: QueueWorker.Options(concurrency: 2))
        let stop = CancellationToken(), stopped = CancellationToken()
        Thread {
            worker.run(stop: stop)
            stopped.cancel()
        }.start()
        let progress = handle.wait()
        stop.cancel()
        while !stopped.isCancelled { Thread.sleep(forTimeInterval: 0.01) }
        #expect(progress.status == .done && progress.trials == 9 && progress.queued == 0)
        let trials = try store.trials(run: handle.id)
        #expect(trials.count == 9)
        for trial in trials {
            let expected = try evaluator.evaluate(try space.parse(trial.architecture), in: space, fidelity: trial.fidelity,
                                                  seed: 1, cancel: CancellationToken())
            #expect(trial.metrics["accuracy"] == expected.metrics["accuracy"])
        }
        #expect(worker.completed == 9 - trials.filter(\.cached).count)
    }
}
