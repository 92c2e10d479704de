import NASCore
import NASSpaces
import NASTensor

extension ElasticSupernet {
    /// Recalibrates batch norm's running statistics for a sub-network: reset, then the plain mean of
    /// `batches`' statistics (momentum `1/(k+1)` on batch `k`), as once-for-all does before evaluating.
    public func recalibrate(_ architecture: Architecture, batches: [Tensor]) throws {
        for bn in batchNorms { bn.resetStatistics() }
        let saved = batchNormMomentum
        defer { batchNormMomentum = saved }
        for (k, x) in batches.enumerated() {
            batchNormMomentum = 1 / Float(k + 1)
            _ = try forward(x, architecture: architecture, training: true)
        }
    }

    /// Accuracy and mean loss of the sub-network `architecture` on a labelled set, in inference mode.
    public func evaluate(_ part: LabeledData, shape: TensorShape, architecture: Architecture, cancel: CancellationToken,
                         batchSize: Int = 500) throws -> (accuracy: Double, loss: Double) {
        try Trainer.evaluate(part, shape: shape, cancel: cancel, batchSize: batchSize) { x in
            try forward(x, architecture: architecture, training: false)
        }
    }

    /// The parameters and batch-norm statistics as one array (for checkpoints).
    public func stateValues() -> [Float] { stateTensors.flatMap(\.values) }

    /// Restores `stateValues()` of a supernet of the same space, scale, input and classes.
    public func restoreState(_ values: [Float]) throws {
        let tensors = stateTensors
        guard values.count == tensors.reduce(0, { $0 + $1.count }) else {
            throw ModelError("the elastic supernet's state has \(values.count) values, this supernet needs "
                + "\(tensors.reduce(0) { $0 + $1.count })")
        }
        var offset = 0
        for t in tensors {
            values.withUnsafeBufferPointer { t.data.update(from: $0.baseAddress! + offset, count: t.count) }
            offset += t.count
        }
    }

    /// The trainable tensors, then every running statistic.
    private var stateTensors: [Tensor] { parameters + batchNorms.flatMap(\.statistics) }
}
