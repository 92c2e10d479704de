import Foundation

/// What a run's loop needs to resume: the strategy's state after the last finished trial.
///
/// A checkpoint is written in the same transaction that records a trial as finished, so the
/// strategy state always matches exactly the finished trials `1...lastSequence`.
public struct RunCheckpoint: Sendable, Hashable {
    /// The strategy's state (`SearchStrategy.checkpoint()`), nil before the first trial finished.
    public var strategyState: Data?
    /// The sequence number of the last finished trial (0 when none).
    public var lastSequence: Int
    /// Real seconds the run's loop has spent, summed over every resume.
    public var spentWallSeconds: Double

    /// Creates a checkpoint.
    public init(strategyState: Data?, lastSequence: Int, spentWallSeconds: Double) {
        self.strategyState = strategyState
        self.lastSequence = lastSequence
        self.spentWallSeconds = spentWallSeconds
    }

    /// The checkpoint of a run that has not finished any trial.
    public static let empty = RunCheckpoint(strategyState: nil, lastSequence: 0, spentWallSeconds: 0)
}
