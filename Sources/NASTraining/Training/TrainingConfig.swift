import NASTensor

/// The recipe for training one network: epochs, batch, learning rate and its schedule,
/// optimiser, augmentation and thread count.
public struct TrainingConfig: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Which optimiser, with its settings.
    public enum OptimizerKind: Sendable, Hashable, Codable {
        /// SGD with momentum, optional Nesterov momentum and weight decay.
        case sgd(momentum: Double, nesterov: Bool, weightDecay: Double)
        /// Adam with weight decay.
        case adam(weightDecay: Double)

        /// A fresh optimiser of this kind.
        public func make() -> any Optimizer {
            switch self {
            case .sgd(let m, let n, let wd): return SGD(momentum: m, nesterov: n, weightDecay: wd)
            case .adam(let wd): return Adam(weightDecay: wd)
            }
        }
    }

    /// Passes over the training data.
    public var epochs: Int
    /// Samples per training step.
    public var batchSize: Int
    /// The base learning rate.
    public var learningRate: Double
    /// The optimiser.
    public var optimizer: OptimizerKind
    /// How the rate changes over the steps.
    public var schedule: LearningRateSchedule
    /// Random-crop padding (0: none) and random horizontal flips.
    public var cropPadding: Int, flip: Bool
    /// Kernel threads (nil: every core).
    public var threads: Int?

    /// Creates a recipe; the defaults are a common short-budget NAS recipe.
    public init(epochs: Int = 4, batchSize: Int = 128, learningRate: Double = 0.05,
                optimizer: OptimizerKind = .sgd(momentum: 0.9, nesterov: true, weightDecay: 5e-4),
                schedule: LearningRateSchedule = .cosine(minimum: 0), cropPadding: Int = 0, flip: Bool = false,
                threads: Int? = nil) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.optimizer = optimizer
        self.schedule = schedule
        self.cropPadding = cropPadding
        self.flip = flip
        self.threads = threads
    }

    /// The recipe in one line.
    public var description: String {
        "epochs=\(epochs) batch=\(batchSize) lr=\(learningRate) opt=\(optimizer) schedule=\(Self.text(schedule))"
            + (cropPadding > 0 ? " crop=\(cropPadding)" : "") + (flip ? " flip" : "")
            + (threads.map { " threads=\($0)" } ?? "")
    }

    /// A schedule in a few words: `cosine(minimum: 0.0)`, `warmup(steps: 3, then: step(every: 9, gamma: 0.1))`.
    private static func text(_ schedule: LearningRateSchedule) -> String {
        switch schedule {
        case .warmup(let steps, let inner): return "warmup(steps: \(steps), then: \(text(inner)))"
        default: return "\(schedule)"
        }
    }
}
