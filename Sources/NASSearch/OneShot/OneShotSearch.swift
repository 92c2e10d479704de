import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining

/// What every one-shot method shares: the supernet, the data split, the epoch loop, the trials and the checkpoints.
///
/// A method subclasses it and writes its training step (`step`), how it derives an architecture
/// (`derive`), and what state of its own it checkpoints. Each `ask` trains one epoch and proposes
/// the architecture the method would derive now; the loop evaluates it with the supernet
/// (`evaluator`), so each trial records, per epoch, the derived architecture, its supernet accuracy,
/// and the architecture parameters (`architectureMetrics`).
///
/// As in DARTS, the training set is split in two halves: the weights are trained on the first,
/// the architecture parameters on the second. The run's `train(...)` evaluator gives the data and
/// the recipe: epochs, batch, learning rate and schedule, the weights' optimiser, threads.
/// Every random draw of an epoch comes from a generator seeded by the run's seed and the epoch, so
/// a run resumed from its checkpoint after epoch e continues exactly as if it had not stopped.
open class OneShotSearch: WeightSharingStrategy {
    /// The method's name (`darts`, `gdas`, …).
    public let name: String
    /// The supernet trained.
    public let supernet: Supernet
    /// The data and recipe.
    let data: Dataset
    let recipe: TrainingConfig
    let seed: UInt64
    /// The run's other evaluators (a latency table, a cost model), whose metrics each trial also records.
    let companions: [any Evaluator]
    /// The run's evaluator's descriptor (its data and recipe), part of the trials' cache keys.
    let recipeDescriptor: String
    /// The epochs to train (one trial each).
    public let epochs: Int
    /// Epochs trained so far.
    public private(set) var epoch = 0
    /// The optimiser of the supernet's weights.
    var weightOptimizer: any Optimizer
    /// The halves of the training set for the weights and for the architecture parameters.
    let weightPart: LabeledData, searchPart: LabeledData
    /// Training batches used to recalibrate batch norm before evaluating an architecture.
    let calibrationBatches: Int
    /// Gradients of the weights are clipped to this norm (DARTS: 5).
    let gradientClip: Double
    /// The method's settings for the store.
    private let methodSettings: [String: String]
    /// The proposal asked and not yet told, and the ids of proposals.
    private(set) var counter = ProposalCounter()
    private(set) var pending: Proposal?
    /// The mean training loss of the last epoch.
    public internal(set) var lastTrainLoss = 0.0
    var cancel = CancellationToken()

    /// Sets up a method on a space with a supernet, from the run's training evaluator.
    init(name: String, space: any SearchSpace, evaluator: (any Evaluator)?, seed: UInt64, settings: [String: String],
         calibrationBatches: Int = 10, gradientClip: Double = 5) throws {
        guard let space = space as? any SupernetSpace else {
            throw StrategyError("\(name) needs a space with a supernet (nb201, cell and darts_cell, fbnet, segment, chain spaces of one fixed skeleton); \(space.name) has none")
        }
        let found = try OneShotRecipe(evaluator, method: name)
        let training = found.training
        companions = found.companions
        self.name = name
        data = training.dataset
        recipe = training.config
        recipeDescriptor = training.descriptor
        self.seed = seed
        epochs = max(training.config.epochs, 1)
        supernet = try Supernet(space: space, input: data.shape, classes: data.classes, seed: seed)
        weightOptimizer = training.config.optimizer.make()
        let half = data.train.count / 2
        guard half >= 1 else { throw StrategyError("\(name) needs at least 2 training samples to split for weights and architecture") }
        weightPart = data.train.subset(0..<half)
        searchPart = data.train.subset(half..<data.train.count)
        self.calibrationBatches = calibrationBatches
        self.gradientClip = gradientClip
        methodSettings = settings.merging(["seed": "\(seed)"]) { a, _ in a }
    }

    public var settings: [String: String] { methodSettings }
    public var isFinished: Bool { epoch >= epochs && pending == nil }

    public func attach(cancel: CancellationToken) { self.cancel = cancel }

    /// A new evaluator over this method's supernet each time (it holds the method; the method does not
    /// hold it, so that a finished run's supernet is freed with the run).
    public var evaluator: any Evaluator { SupernetEvaluator(search: self) }

    public func ask(_ count: Int) throws -> [Proposal] {
        guard count > 0, pending == nil, epoch < epochs else { return [] }
        try trainEpoch()
        epoch += 1
        let proposal = counter.propose(try derive(), fidelity: Fidelity(epochs: epoch))
        pending = proposal
        return [proposal]
    }

    public func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws {
        try counter.resolve(proposal, strategy: name)
        pending = nil
    }

    /// Sets the progress read from a checkpoint.
    func restoreProgress(epoch: Int, lastTrainLoss: Double, counter: ProposalCounter) {
        self.epoch = epoch
        self.lastTrainLoss = lastTrainLoss
        self.counter = counter
        pending = nil
    }

    // MARK: What a method writes

    /// One training step: `batch` from the weights' half, `search` from the architecture's half, at learning rate `lr`.
    func step(_ batch: (x: Tensor, labels: [Int]), search: (x: Tensor, labels: [Int]), lr: Double,
              rng: inout SeededRandom) throws -> Double {
        fatalError("\(name) must override step")
    }

    /// The architecture the method would derive now.
    func derive() throws -> Architecture { fatalError("\(name) must override derive") }

    /// The architecture parameters or controller state to record with each epoch's trial, by metric name.
    func architectureMetrics() -> [String: Double] { [:] }

    /// The method's own state (architecture parameters, optimiser, controller), for checkpoints.
    func methodState() throws -> Data { Data() }

    /// Restores `methodState()`.
    func restoreMethodState(_ state: Data) throws {}

    /// Called at the start of each epoch (temperature schedules).
    func beginEpoch() {}
}
