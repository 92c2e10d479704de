import Foundation
import NASCore
import NASSpaces
import NASTensor

/// Hill climbing over network morphisms with short training: NASH (Elsken, Metzen & Hutter,
/// "Simple and efficient architecture search for convolutional neural networks", 2017).
///
/// It starts from a small network, trained. Each step makes `neighbours` children of the current
/// network, each by one to `morphisms` random function-preserving morphisms, so that a child
/// inherits its parent's weights and starts where the parent left off; trains each for a few
/// epochs with a cosine schedule that restarts for every child (SGDR); and moves to the child
/// with the best validation accuracy (as NASH does, children only: the parent is not a candidate).
/// Everything is drawn from the seed, so a run repeats exactly on the same machine and threads.
public struct MorphismSearch {
    /// The search's settings.
    public struct Settings: Sendable, Hashable {
        /// Hill-climbing steps after the starting network.
        public var steps: Int
        /// Children made and trained per step.
        public var neighbours: Int
        /// The most morphisms applied to make one child (each child draws 1…this many).
        public var morphisms: Int
        /// Epochs each child trains.
        public var epochs: Int
        /// Epochs the starting network trains.
        public var startEpochs: Int
        /// Output channels of the starting network's first convolution (the second has twice as many).
        public var width: Int
        /// The widest a convolution may grow.
        public var maxWidth: Int
        /// Widening's symmetry-breaking noise (see `Morphism.apply`).
        public var noise: Double
        /// The training recipe (its epochs are replaced by `epochs` and `startEpochs`).
        public var training: TrainingConfig
        /// The seed of everything random: morphisms, initial weights and training.
        public var seed: UInt64

        /// Creates settings; the defaults are a short search that suits small images.
        public init(steps: Int = 3, neighbours: Int = 4, morphisms: Int = 2, epochs: Int = 2, startEpochs: Int? = nil,
                    width: Int = 8, maxWidth: Int = 128, noise: Double = 0.1,
                    training: TrainingConfig = TrainingConfig(batchSize: 64), seed: UInt64 = 1) {
            self.steps = steps
            self.neighbours = neighbours
            self.morphisms = morphisms
            self.epochs = epochs
            self.startEpochs = startEpochs ?? epochs
            self.width = width
            self.maxWidth = maxWidth
            self.noise = noise
            self.training = training
            self.seed = seed
        }
    }

    /// The data the networks train on (valid picks the children, test is reported).
    public let dataset: Dataset
    /// The settings.
    public let settings: Settings

    /// Creates a search.
    public init(dataset: Dataset, settings: Settings) {
        self.dataset = dataset
        self.settings = settings
    }

    /// A trained network and how it scored.
    private struct Trained {
        let model: Model
        let report: TrainingReport
        let morphisms: [String]
    }

    /// Runs the search: the starting network (step 0), then one row per step for the child kept.
    ///
    /// `cancel` is checked before every training batch (`CancellationError`); `onStep` sees each
    /// step as it ends. A child whose loss diverges is dropped; a step where every child diverges
    /// throws that `TrainingFailure`.
    public func run(start: NetworkSpec? = nil, cancel: CancellationToken = CancellationToken(),
                    onStep: ((MorphismStep) -> Void)? = nil) throws -> [MorphismStep] {
        var rng = SeededRandom(seed: settings.seed)
        let began = Date()
        let spec = try start ?? MorphismSearch.startingNetwork(input: dataset.shape, classes: dataset.classes,
                                                               width: settings.width)
        let first = try Model(spec: spec, seed: rng.next())
        var best = Trained(model: first, report: try train(first, epochs: settings.startEpochs, seed: rng.next(), cancel),
                           morphisms: [])
        var steps = [row(best, step: 0, child: 0, seconds: Date().timeIntervalSince(began))]
        onStep?(steps[0])
        let calibration = calibrationBatch()
        for step in 0..<max(settings.steps, 0) {
            let started = Date()
            let (kept, index) = try climb(from: best.model, calibration: calibration, rng: &rng, cancel)
            best = kept
            steps.append(row(kept, step: step + 1, child: index, seconds: Date().timeIntervalSince(started)))
            onStep?(steps[steps.count - 1])
        }
        return steps
    }

    /// One hill-climbing step: makes and trains the children, returns the best and its 1-based index.
    private func climb(from parent: Model, calibration: Tensor, rng: inout SeededRandom,
                       _ cancel: CancellationToken) throws -> (Trained, Int) {
        var best: (Trained, Int)?
        var failure: TrainingFailure?
        for index in 1...max(settings.neighbours, 1) {
            var childRng = rng.fork()
            let (model, applied) = try child(of: parent, calibration: calibration, rng: &childRng)
            do {
                let report = try train(model, epochs: settings.epochs, seed: childRng.next(), cancel)
                if best == nil || report.validAccuracy > best!.0.report.validAccuracy {
                    best = (Trained(model: model, report: report, morphisms: applied), index)
                }
            } catch let diverged as TrainingFailure {
                failure = diverged
            }
        }
        guard let best else { throw failure! }
        return best
    }

    /// A child of `parent`: one to `settings.morphisms` random morphisms, each drawing a kind
    /// (widen, deepen, branch) and then a place uniformly.
    private func child(of parent: Model, calibration: Tensor, rng: inout SeededRandom) throws -> (Model, [String]) {
        var model = parent
        var applied: [String] = []
        for _ in 0...rng.nextInt(below: max(settings.morphisms, 1)) {
            let kinds = Dictionary(grouping: Morphism.candidates(in: model.spec, maxWidth: settings.maxWidth),
                                   by: MorphismSearch.kind).sorted { $0.key < $1.key }.map(\.value)
            guard !kinds.isEmpty else { break }
            let options = kinds[rng.nextInt(below: kinds.count)]
            let morphism = options[rng.nextInt(below: options.count)]
            applied.append(morphism.summary(in: model.spec))
            model = try morphism.apply(to: model, rng: &rng, noise: settings.noise, calibration: calibration)
        }
        guard !applied.isEmpty else { throw ModelError("no morphism applies to the network") }
        return (model, applied)
    }

    /// A morphism's kind, for drawing kinds uniformly.
    private static func kind(_ m: Morphism) -> Int {
        switch m {
        case .widen: return 0
        case .deepen: return 1
        case .branch: return 2
        }
    }

    /// Whether a node is a convolution or a linear layer.
    private static func hasWeights(_ node: LayerNode) -> Bool {
        switch node.op {
        case .conv, .linear: return true
        default: return false
        }
    }

    /// Trains `model` for `epochs` with the recipe.
    private func train(_ model: Model, epochs: Int, seed: UInt64, _ cancel: CancellationToken) throws -> TrainingReport {
        try Trainer(config: settings.training).train(model, on: dataset, seed: seed, cancel: cancel, epochs: epochs)
    }

    /// The first (up to) 256 training samples: deepening's calibration batch.
    private func calibrationBatch() -> Tensor {
        var none: SeededRandom? = nil
        let indices = Array(0..<min(dataset.train.count, 256))
        return BatchLoader().tensor(dataset.train, shape: dataset.shape, indices: indices, augment: &none).0
    }

    /// The report row of a kept network.
    private func row(_ t: Trained, step: Int, child: Int, seconds: Double) -> MorphismStep {
        let depth = t.model.spec.nodes.filter(MorphismSearch.hasWeights).count
        return MorphismStep(step: step, child: child, morphisms: t.morphisms, parameters: t.model.parameterCount,
                            depth: depth, validAccuracy: t.report.validAccuracy, testAccuracy: t.report.testAccuracy,
                            seconds: seconds)
    }
}
