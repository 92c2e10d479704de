import Foundation
import NASCore
import NASSpaces

/// The recorded path of the loop: batches of proposals, each trial recorded, evaluated on the loop's
/// thread or by the recorder's queue workers, then told to the strategy in sequence order.
///
/// A batch is `batchSize` proposals (fewer when the trial budget has less room; a strategy that can only
/// propose one at a time gives one). Each trial is numbered and its result looked up in the recorder's
/// cache; the others are evaluated: on this thread one after the other (a recorder without queue
/// workers), or all together by the queue (`TrialRecorder.evaluateQueued`), which returns when every one
/// has a result. Only then is the strategy told, in sequence order, each trial's end recorded with the
/// checkpoint after it. Telling after the whole batch, in order, makes a run's trials and results
/// independent of how many workers evaluated them and in which order they finished; with batches of one
/// and no queue this is exactly one trial at a time: record, evaluate, tell, checkpoint.
extension SearchLoop {
    /// Runs a recorded search: asks a batch, evaluates it (`evaluateRecordedBatch`), until the budget is
    /// spent, the strategy finishes or the run is cancelled.
    func driveRecorded<Strategy: LoopSpecialised>(_ strategy: Strategy, run: inout Run) throws {
        while !budget.isExhausted(by: run.tally.spent), !strategy.isFinished {
            try run.cancel.check()
            let room = min(batchSize, budget.trials.map { $0 - run.tally.spent.trials } ?? batchSize)
            let batch: [Proposal]
            if room == 1 {
                guard let one = try strategy.askOne() else { try stopAfterEmptyAsk(strategy); break }
                batch = [one]
            } else {
                batch = try strategy.ask(room)
                guard !batch.isEmpty else { try stopAfterEmptyAsk(strategy); break }
            }
            guard try evaluateRecordedBatch(batch, for: strategy, in: &run) else { break }
        }
    }

    /// One trial of a batch on its way: its proposal, as recorded, and its result once known.
    private struct Pending {
        var proposal: Proposal
        var asked: Proposal
        var trial: LoopTrial
        var result: TrialResult?
        var cached = false
    }

    /// Records, evaluates and tells one batch; false when the run must stop (cancelled).
    private func evaluateRecordedBatch(_ batch: [Proposal], for strategy: some LoopSpecialised, in run: inout Run) throws -> Bool {
        let recorder = run.recorder.unsafelyUnwrapped
        var items: [Pending] = []
        items.reserveCapacity(batch.count)
        for proposal in batch {
            let asked = resolved(proposal)
            try space.validate(asked.architecture)
            run.sequence += 1
            var item = Pending(proposal: proposal, asked: asked, trial: loopTrial(asked, sequence: run.sequence))
            item.trial.endsBatch = items.count == batch.count - 1
            items.append(item)
        }
        let found = try recorder.cachedResults(for: items.map(\.trial))
        var pending: [Pending] = []
        pending.reserveCapacity(items.count)
        for (var item, cached) in zip(items, found) {
            if let cached { (item.result, item.cached) = (cached, true) }
            if item.result != nil || !recorder.queuesTrials { try recorder.started(item.trial) }
            if item.result == nil, !recorder.queuesTrials {
                item.result = try evaluateOnThisThread(item, recorder: recorder, in: &run)
                if item.result?.status == .cancelled || run.cancel.isCancelled {
                    recorder.abandoned(item.trial, result: item.result ?? cancelledResult(), cached: false)
                    return false
                }
            }
            pending.append(item)
        }
        let queued = pending.indices.filter { pending[$0].result == nil }
        if !queued.isEmpty {
            let results = try recorder.evaluateQueued(queued.map { pending[$0].trial }, cancel: run.cancel)
            for (index, result) in zip(queued, results) { pending[index].result = result }
        }
        return try tellInOrder(pending, for: strategy, recorder: recorder, in: &run)
    }

    /// Evaluates a trial on the loop's thread: its table row, else the evaluator; a throw abandons it.
    private func evaluateOnThisThread(_ item: Pending, recorder: any TrialRecorder, in run: inout Run) throws -> TrialResult {
        do {
            if let row = tableResult(item.asked, in: &run) { return row }
            return try evaluateWatched(item.asked, in: &run)
        } catch {
            recorder.abandoned(item.trial, result: .failed("\(error)"), cached: false)
            throw error
        }
    }

    /// Tells the strategy each trial's result in sequence order and records its end; false when one was cancelled
    /// (it and the trials after it are recorded as abandoned).
    private func tellInOrder(_ pending: [Pending], for strategy: some LoopSpecialised, recorder: any TrialRecorder,
                             in run: inout Run) throws -> Bool {
        for (index, item) in pending.enumerated() {
            let result = item.result ?? cancelledResult()
            if result.status == .cancelled || run.cancel.isCancelled {
                for rest in pending[index...] {
                    recorder.abandoned(rest.trial, result: rest.result?.status == .cancelled ? rest.result! : cancelledResult(),
                                       cached: rest.cached)
                }
                return false
            }
            let score = try conclude(item.proposal, asked: item.asked, result: result, cached: item.cached, for: strategy, in: &run)
            try recorder.finished(item.trial, result: result, score: score, cached: item.cached, strategy: strategy, tally: run.tally)
        }
        return true
    }
}
