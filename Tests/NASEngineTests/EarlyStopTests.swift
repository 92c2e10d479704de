import Foundation
import NASCore
import NASEngine
import NASSearch
import NASSpaces
import NASStore
import Synchronization
import Testing

/// Proposes a fixed list of architectures of `RunTestSpace`, in order, then finishes.
final class ListStrategy: SearchStrategy {
    private let list: [[Int]]
    private var next = 0

    init(_ list: [[Int]]) { self.list = list }

    var name: String { "test-list" }
    var settings: [String: String] { ["list": "\(list)"] }
    var isFinished: Bool { next >= list.count }
    func ask(_ count: Int) throws -> [Proposal] {
        guard !isFinished else { return [] }
        defer { next += 1 }
        return [Proposal(id: next, architecture: Architecture(space: "tiny", tokens: list[next]))]
    }
    func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws {}
    func checkpoint() throws -> Data { try JSONEncoder().encode(next) }
    func restore(from data: Data) throws { next = try JSONDecoder().decode(Int.self, from: data) }
}

/// A "training" evaluator with known learning curves: the architecture's curve is
/// `final · (1 − 0.5·e^(−0.5(t−1)))` at epoch t, so every curve starts at half its final value.
/// It trains epoch by epoch, asks its watcher after each epoch, and counts the epochs it trains.
final class CurveEvaluator: EpochObservingEvaluator {
    let finals: [[Int]: Double]
    let epochs: Int
    private let trained = Atomic<Int>(0)

    init(finals: [[Int]: Double], epochs: Int) {
        self.finals = finals
        self.epochs = epochs
    }

    var descriptor: String { "curves(v1)" }
    var supportedSpaces: Set<String> { [] }
    var maxEpochs: Int? { epochs }
    var epochsTrained: Int { trained.load(ordering: .relaxed) }

    /// The value of the curve of an architecture with this final value at epoch `t`.
    static func value(final: Double, epoch t: Int) -> Double { final * (1 - 0.5 * exp(-0.5 * Double(t - 1))) }

    func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity, seed: UInt64,
                  cancel: CancellationToken) throws -> TrialResult {
        try evaluate(architecture, in: space, fidelity: fidelity, seed: seed, cancel: cancel) { _ in false }
    }

    func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity, seed: UInt64,
                  cancel: CancellationToken, stopAfter: @escaping ([Double]) -> Bool) throws -> TrialResult {
        let final = finals[architecture.tokens]!
        let total = fidelity.epochs ?? epochs
        var curve: [Double] = []
        for t in 1...total {
            trained.add(1, ordering: .relaxed)
            curve.append(Self.value(final: final, epoch: t))
            if t < total, stopAfter(curve) { break }
        }
        let pruned = curve.count < total
        return TrialResult(metrics: ["accuracy": curve.last!, "epochs_trained": Double(curve.count), "pruned": pruned ? 1 : 0],
                           curve: curve)
    }
}

@Suite("Learning-curve early stopping in runs")
struct EarlyStopTests {
    /// The order of proposals and the final value of each curve: a first incumbent (0.80), a clearly
    /// worse one, a better one (new incumbent 0.90), one a little worse than it, a much worse one, and the best.
    static let order: [[Int]] = [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]]
    static let finals: [[Int]: Double] = [[0, 0]: 0.80, [0, 1]: 0.40, [0, 2]: 0.90, [1, 0]: 0.86, [1, 1]: 0.30, [1, 2]: 0.95]
    static let epochs = 12

    /// Runs the list with early stopping (or without) and returns its trials and the evaluator.
    static func run(stopping: EarlyStopping?, store: SQLiteStore? = nil) throws -> ([TrialRecord], CurveEvaluator) {
        let store = try store ?? makeRunTestStore()
        let evaluator = CurveEvaluator(finals: finals, epochs: epochs)
        let handle = try RunManager(store: store).launch(strategy: ListStrategy(order), space: RunTestSpace(), evaluator: evaluator,
                                                         settings: RunSettings(budget: .trials(100), seed: 1, earlyStopping: stopping))
        #expect(handle.wait().status == .done)
        return (try store.trials(run: handle.id), evaluator)
    }

    /// Where the pruner would stop a curve against an incumbent: the epoch count, or nil when it trains fully.
    static func expectedStop(final: Double, incumbent: Double?, pruner: LearningCurvePruner) -> Int? {
        let curve = (1...epochs).map { CurveEvaluator.value(final: final, epoch: $0) }
        return (1..<epochs).first { n in
            if case .stop = pruner.verdict(curve: Array(curve.prefix(n)), incumbent: incumbent) { return true }
            return false
        }
    }

    @Test("exactly the trials whose extrapolation cannot beat the incumbent stop, and their epochs are recorded")
    func prunesExactlyTheHopeless() throws {
        let stopping = try EarlyStopping(threshold: 0.05, minEpochs: 3)
        let (trials, evaluator) = try Self.run(stopping: stopping)
        #expect(trials.map(\.tokens) == Self.order)
        let pruner = try #require(stopping.pruner(epochs: Self.epochs))
        // The incumbent is followed independently: the best final value of the curves trained fully so far.
        var incumbent: Double?
        for trial in trials {
            let final = Self.finals[trial.tokens]!
            let stop = Self.expectedStop(final: final, incumbent: incumbent, pruner: pruner)
            let trained = stop ?? Self.epochs
            #expect(trial.status == .done)
            #expect(trial.metrics["pruned"] == (stop == nil ? 0 : 1), "\(trial.tokens)")
            #expect(trial.metrics["epochs_trained"] == Double(trained), "\(trial.tokens)")
            #expect(trial.curve.count == trained)
            #expect(trial.metrics["accuracy"] == CurveEvaluator.value(final: final, epoch: trained))
            if stop == nil { incumbent = max(incumbent ?? 0, CurveEvaluator.value(final: final, epoch: Self.epochs)) }
        }
        // What the curves make plain: the worse ones stop (the clearly worse at the first decision), the
        // better ones (and the first, which has no incumbent to beat) train fully.
        let prunedTokens = Set(trials.filter { $0.metrics["pruned"] == 1 }.map(\.tokens))
        #expect(prunedTokens.isSuperset(of: [[0, 1], [1, 1], [1, 0]]))
        #expect(prunedTokens.isDisjoint(with: [[0, 0], [0, 2], [1, 2]]))
        #expect(trials.filter { [[0, 1], [1, 1]].contains($0.tokens) }.allSatisfy { $0.metrics["epochs_trained"] == 3 })
        // The best trial is never a pruned one, and the work done is what the trials record.
        let best = try #require(trials.max { $0.metrics["accuracy"]! < $1.metrics["accuracy"]! })
        #expect(best.tokens == [1, 2] && best.metrics["pruned"] == 0)
        #expect(evaluator.epochsTrained == Int(trials.reduce(0) { $0 + $1.metrics["epochs_trained"]! }))
        #expect(evaluator.epochsTrained < Self.order.count * Self.epochs)
    }

    @Test("without early stopping every trial trains fully, and a pruned result never stands in for a full one")
    func unprunedRunIgnoresPrunedResults() throws {
        let store = try makeRunTestStore()
        let (pruned, _) = try Self.run(stopping: try EarlyStopping(), store: store)
        #expect(pruned.contains { $0.metrics["pruned"] == 1 })
        let (full, evaluator) = try Self.run(stopping: nil, store: store)
        #expect(full.allSatisfy { $0.metrics["pruned"] == 0 && $0.curve.count == Self.epochs && !$0.cached })
        #expect(evaluator.epochsTrained == Self.order.count * Self.epochs)
    }

    @Test("trials too short for a decision, and evaluators that cannot be watched, evaluate as usual")
    func shortTrialsAreNotWatched() throws {
        let store = try makeRunTestStore()
        let evaluator = CurveEvaluator(finals: Self.finals, epochs: Self.epochs)
        let handle = try RunManager(store: store).launch(strategy: ListStrategy(Self.order), space: RunTestSpace(), evaluator: evaluator,
                                                         settings: RunSettings(budget: .trials(100), seed: 1, fidelity: Fidelity(epochs: 3),
                                                                               earlyStopping: try EarlyStopping()))
        #expect(handle.wait().status == .done)
        #expect(try store.trials(run: handle.id).allSatisfy { $0.metrics["pruned"] == 0 && $0.curve.count == 3 })
        let plain = try RunManager(store: store).launch(strategy: ListStrategy(Self.order), space: RunTestSpace(), evaluator: RunTestEvaluator(),
                                                        settings: RunSettings(budget: .trials(100), seed: 1, earlyStopping: try EarlyStopping()))
        #expect(plain.wait().status == .done)
        #expect(try store.trials(run: plain.id).count == Self.order.count)
    }

    @Test("a run resumed by another session keeps the early stopping it was launched with")
    func resumedRunKeepsItsEarlyStopping() throws {
        let stopping = try EarlyStopping(threshold: 0.05, minEpochs: 3)
        let (uninterrupted, _) = try Self.run(stopping: stopping)
        let store = try makeRunTestStore()
        let token = CancellationToken()
        let first = try RunManager(store: store).launch(
            strategy: ListStrategy(Self.order), space: RunTestSpace(), evaluator: CurveEvaluator(finals: Self.finals, epochs: Self.epochs),
            settings: RunSettings(budget: .trials(100), seed: 1, earlyStopping: stopping), token: token,
            onEvent: { event in if case .trialFinished(_, let progress) = event, progress.trials == 3 { token.cancel() } })
        #expect(first.wait().status == .cancelled)
        #expect(try store.run(first.id)?.trialSettings == ["early_stop_threshold": "0.05", "early_stop_after": "3"])
        // Another session: a new manager over the same store, told nothing about early stopping.
        let resumed = try RunManager(store: store).resume(first.id, strategy: ListStrategy(Self.order), space: RunTestSpace(),
                                                          evaluator: CurveEvaluator(finals: Self.finals, epochs: Self.epochs))
        #expect(resumed.wait().status == .done)
        let trials = try store.trials(run: first.id)
        #expect(trials.map(\.tokens) == uninterrupted.map(\.tokens))
        #expect(trials.map(\.metrics) == uninterrupted.map(\.metrics))
        #expect(trials.contains { $0.sequence > 3 && $0.metrics["pruned"] == 1 }, "a trial after the resume was stopped early")
    }

    @Test("settings out of range are refused in words")
    func badSettings() {
        #expect(throws: StrategyError.self) { try EarlyStopping(threshold: 0) }
        #expect(throws: StrategyError.self) { try EarlyStopping(threshold: 1.5) }
        #expect(throws: StrategyError.self) { try EarlyStopping(minEpochs: 2) }
    }
}
