import NASCore
import NASSpaces
import NASTensor

/// A trainable weight-sharing supernet: one model holding every candidate of a `SupernetSpec`, run along chosen paths.
///
/// Each forward pass takes one `PathGate` per row of choices: which candidates run and how they
/// are weighted. Any architecture of the space runs its own paths (`gates(for:)`), so a trained
/// supernet evaluates any architecture with inherited weights, after its batch-norm statistics
/// are recalibrated on a few training batches (`recalibrate`).
public final class Supernet {
    /// The supernet's spec.
    public let spec: SupernetSpec
    /// The space it belongs to.
    public let space: any SupernetSpace
    /// The model with every candidate's parameters.
    public let model: Model
    /// The paths of the last pass, reused while the gates keep the same options (DARTS: every step).
    private var lastPaths: ActivePaths?

    /// Builds the supernet of `space` for an input shape and class count, with fresh parameters (deterministic for a seed).
    public init(space: any SupernetSpace, input: TensorShape, classes: Int, seed: UInt64) throws {
        self.space = space
        spec = try space.supernet(input: input, classes: classes)
        model = try Model(spec: spec.network, seed: seed)
        parameters = model.parameters
    }

    /// The rows of choices (each a decision whose options are the candidates).
    public var rows: [Decision] { spec.rows }

    /// Every trainable tensor of every candidate (the model's list, made once: its parameters never change).
    public let parameters: [Tensor]

    /// The gates that run exactly the paths of `architecture`.
    public func gates(for architecture: Architecture) throws -> [PathGate] {
        try space.selection(of: architecture).map(PathGate.single)
    }

    /// Runs the paths that `gates` keep on `[n, c, h, w]` inputs; returns `[n, classes]` logits.
    public func forward(_ x: Tensor, gates: [PathGate], training: Bool, rng: inout SeededRandom) throws -> Tensor {
        return try model.forward(x, training: training, releasing: true, paths: paths(gates), rng: &rng)
    }

    /// The paths `gates` keep: the last pass's, reweighted, when the gates keep the same options.
    private func paths(_ gates: [PathGate]) throws -> ActivePaths {
        if let last = lastPaths, last.keepsSamePaths(as: gates) { return last.reweighted(gates) }
        let paths = try ActivePaths(passSpec: model.passSpec, supernet: spec, gates: gates)
        lastPaths = paths
        return paths
    }

    /// Re-estimates batch norm's running statistics for the paths `gates` keep, as the exact
    /// average over `batches` (the one-shot literature's recalibration before evaluating a subnetwork).
    public func recalibrate(gates: [PathGate], batches: [Tensor]) throws {
        let paths = try paths(gates)
        for (mean, variance) in model.runningStatistics(include: paths.isLive) {
            mean.data.update(repeating: 0, count: mean.count)
            variance.data.update(repeating: 1, count: variance.count)
        }
        let saved = model.batchNormMomentum
        defer { model.batchNormMomentum = saved }
        var rng = SeededRandom(seed: 0)
        for (k, x) in batches.enumerated() {
            model.batchNormMomentum = 1 / Float(k + 1)
            _ = try model.forward(x, training: true, releasing: true, paths: paths, rng: &rng)
        }
    }

    /// Accuracy and mean loss on a labelled set, running the paths `gates` keep in inference mode.
    public func evaluate(_ part: LabeledData, shape: TensorShape, gates: [PathGate], cancel: CancellationToken,
                         batchSize: Int = 500) throws -> (accuracy: Double, loss: Double) {
        let paths = try paths(gates)
        var rng = SeededRandom(seed: 0)
        return try Trainer.evaluate(part, shape: shape, cancel: cancel, batchSize: batchSize) { x in
            try model.forward(x, training: false, releasing: true, paths: paths, rng: &rng)
        }
    }
}
