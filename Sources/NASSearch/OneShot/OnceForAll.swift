import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining

/// Once-for-all (Cai et al., ICLR 2020): an elastic supernet of the `ofa` space trained by progressive shrinking, one epoch per trial.
///
/// One elastic network (`ElasticSupernet`) holds the weights of every sub-network. Its epochs go
/// through the stages of `ShrinkingStage` in order — the full network, then elastic kernel, depth
/// and width — and every batch trains one sub-network drawn from the current stage's set. At the
/// start of the width stage the hidden channels are sorted by importance; each stage starts a
/// fresh optimiser, as the paper trains each stage on its own. There is no knowledge distillation
/// from the full network (the paper's optional soft-label loss), which would double each batch's
/// cost on a CPU.
///
/// Each `ask` trains one epoch and proposes a sub-network of the stage just trained (the full
/// network after the first stage); the loop evaluates it with `evaluator`, which scores any `ofa`
/// architecture with the inherited weights after batch-norm recalibration, so the trained
/// supernet also serves `evolution` or `specialise`. The run's `train(...)` evaluator gives the data
/// and recipe; `width` and `stem_stride` scale the network to the data (`OFAScale`).
/// Every random draw of an epoch comes from a generator seeded by the run's seed and the epoch, so
/// a run resumed from its checkpoint continues exactly as if it had not stopped.
public final class OnceForAll: WeightSharingStrategy {
    public let name = "once_for_all"
    /// The space, the elastic supernet and the recipe.
    public let space: OFASpace
    public let supernet: ElasticSupernet
    let data: Dataset, recipe: TrainingConfig, seed: UInt64
    /// The run's evaluator's descriptor (its data and recipe), part of the trials' cache keys.
    let recipeDescriptor: String
    /// The epochs to train (one trial each).
    public let epochs: Int
    /// Epochs trained so far.
    public internal(set) var epoch = 0
    /// The optimiser of the supernet's weights (fresh at each stage).
    var optimizer: any Optimizer
    /// Training batches used to recalibrate batch norm before evaluating a sub-network.
    let calibrationBatches: Int
    private let methodSettings: [String: String]
    var counter = ProposalCounter()
    private(set) var pending: Proposal?
    /// The mean training loss of the last epoch.
    public internal(set) var lastTrainLoss = 0.0
    var cancel = CancellationToken()

    /// Progressive shrinking on `space` (an `ofa` space) with the data and recipe of `evaluator` (a `train(...)` evaluator).
    public init(space: any SearchSpace, evaluator: (any Evaluator)?, seed: UInt64, width: Double = OnceForAll.entry.number("width"),
                stemStride: Int = OnceForAll.entry.integer("stem_stride"),
                calibrationBatches: Int = OnceForAll.entry.integer("calibration")) throws {
        guard let space = space as? OFASpace else {
            throw StrategyError("once_for_all trains an elastic supernet of the ofa space; \(space.name) is not one")
        }
        let training = try OneShotRecipe(evaluator, method: "once_for_all").training
        guard training.dataset.train.count >= 1 else { throw StrategyError("once_for_all needs training samples") }
        self.space = space
        data = training.dataset
        recipe = training.config
        recipeDescriptor = training.descriptor
        self.seed = seed
        epochs = max(training.config.epochs, 1)
        let scale = OFAScale(width: width, stemStride: stemStride)
        supernet = try ElasticSupernet(space: space, input: data.shape, classes: data.classes, scale: scale, seed: seed)
        optimizer = training.config.optimizer.make()
        self.calibrationBatches = calibrationBatches
        methodSettings = ["width": "\(width)", "stem_stride": "\(stemStride)", "calibration": "\(calibrationBatches)",
                          "seed": "\(seed)"]
    }

    public var settings: [String: String] { methodSettings }
    public var isFinished: Bool { epoch >= epochs && pending == nil }

    public func attach(cancel: CancellationToken) { self.cancel = cancel }

    /// The evaluator of the trials and of any `ofa` architecture: the supernet's current weights.
    public var evaluator: any Evaluator { elasticEvaluator }

    /// The evaluator as its own type (for specialisation): a new one each time (it holds the method, the
    /// method does not hold it, so that a finished run's supernet is freed with the run).
    public var elasticEvaluator: ElasticEvaluator { ElasticEvaluator(search: self) }

    /// The stage that the last epoch trained (the first stage before any).
    public var stage: ShrinkingStage { ShrinkingStage.of(epoch: max(epoch - 1, 0), epochs: epochs) }

    public func ask(_ count: Int) throws -> [Proposal] {
        guard count > 0, pending == nil, epoch < epochs else { return [] }
        try trainEpoch()
        epoch += 1
        var rng = epochRandom()
        let proposal = counter.propose(stage.sample(in: space, late: true, rng: &rng), fidelity: Fidelity(epochs: epoch))
        pending = proposal
        return [proposal]
    }

    public func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws {
        try counter.resolve(proposal, strategy: name)
        pending = nil
    }

    /// Whether a proposal awaits its result (no checkpoint then).
    var isPending: Bool { pending != nil }
}

extension OnceForAll {
    /// The registry's entry: `once_for_all()`.
    public static let entry = StrategyEntry(
        "once_for_all", aliases: ["ofa_shrinking", "progressive_shrinking"],
        summary: "once-for-all: an elastic ofa supernet trained by progressive shrinking (kernel, depth, width)",
        help: "Trains one elastic network of the ofa space whose weights every sub-network shares (Cai et al.): a smaller "
            + "kernel is the centre of the 7×7 one through learned transformation matrices, a shallower unit runs its first "
            + "layers, a smaller expansion keeps the most important channels, and the input is resized to the sub-network's "
            + "resolution. The run's epochs go through four stages in order — full network, elastic kernel, elastic depth, "
            + "elastic width — each batch training one sub-network of the stage. Each epoch is one trial: a sub-network of "
            + "the stage, scored with the inherited weights after batch-norm recalibration. Once trained, the supernet is an "
            + "evaluator of any ofa architecture (`supernet(run)`), and `specialise` searches it under latency targets without "
            + "retraining. `width` multiplies every layer's channels and `stem_stride` 1 keeps small images' resolution, to fit "
            + "the data and a CPU. No knowledge distillation.",
        paper: "Cai, Gan, Wang, Zhang & Han, Once-for-All: Train One Network and Specialize it for Efficient Deployment, ICLR 2020",
        parameters: [
            StrategyParameter("width", 0.5, integer: false, minimum: 0.05, maximum: 4,
                              help: "width multiplier of every layer's channels (1: the published network)"),
            StrategyParameter("stem_stride", 2, minimum: 1, maximum: 2, help: "stride of the stem convolution (2 in the paper; 1 for small images)"),
            StrategyParameter("calibration", 5, minimum: 1, maximum: 100,
                              help: "training batches that recalibrate batch norm before a sub-network is scored"),
        ], isOneShot: true) { c in
        try OnceForAll(space: c.space, evaluator: c.evaluator, seed: c.seed, width: c.double("width"),
                       stemStride: c.int("stem_stride"), calibrationBatches: c.int("calibration"))
    }
}
