/// What one training run produced.
public struct TrainingReport: Sendable, Hashable {
    /// Validation accuracy after each epoch (fractions).
    public var curve: [Double]
    /// Mean training loss of each epoch.
    public var trainLoss: [Double]
    /// Final validation accuracy and loss.
    public var validAccuracy: Double, validLoss: Double
    /// Final test accuracy.
    public var testAccuracy: Double
    /// Seconds spent in training steps (excluding evaluation).
    public var trainSeconds: Double
    /// Trainable parameters.
    public var parameters: Int
}

/// A run that ended without a usable result.
public enum TrainingFailure: Error, CustomStringConvertible, Sendable, Equatable {
    /// The loss became NaN or infinite.
    case diverged(epoch: Int, batch: Int, loss: Double)

    /// The reason in words, as trial results show it.
    public var description: String {
        switch self {
        case .diverged(let epoch, let batch, let loss):
            return "loss became \(loss.isNaN ? "NaN" : "infinite") at epoch \(epoch), batch \(batch)"
        }
    }
}
