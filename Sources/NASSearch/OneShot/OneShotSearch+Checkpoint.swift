import Foundation
import NASCore
import NASSpaces
import NASTensor

extension OneShotSearch {
    /// The whole state after the last epoch told: the supernet's weights and batch-norm statistics,
    /// the optimisers, the method's own state and the epoch count (a few MB for NB201's supernet).
    public func checkpoint() throws -> Data {
        guard pending == nil else { throw StrategyError("\(name) cannot checkpoint between an epoch's ask and its tell") }
        let arrays = [supernet.model.stateValues(), weightOptimizer.state(of: supernet.parameters)]
        let method = try methodState()
        let header = CheckpointFrame.Header(method: name, epoch: epoch, lastTrainLoss: lastTrainLoss, counter: counter,
                            lengths: arrays.map(\.count) + [method.count])
        return try CheckpointFrame.write(header, arrays: arrays, trailing: method)
    }

    /// Restores a checkpoint written by `checkpoint()` of the same method, space, data and settings.
    public func restore(from data: Data) throws {
        guard let (header, arrays, method) = CheckpointFrame.read(data, as: CheckpointFrame.Header.self, counts: { [name] h in
            h.method == name && h.lengths.count == 3 ? Array(h.lengths.prefix(2)) : nil
        }, trailing: { $0.lengths[2] }) else {
            throw StrategyError("\(name): the checkpoint is not one of \(name)'s, or it is truncated")
        }
        try supernet.model.restoreState(arrays[0])
        weightOptimizer.restore(arrays[1], of: supernet.parameters)
        try restoreMethodState(method)
        restoreProgress(epoch: header.epoch, lastTrainLoss: header.lastTrainLoss, counter: header.counter)
    }

    /// Float values as bytes.
    static func bytes(_ values: [Float]) -> Data { values.withUnsafeBytes { Data($0) } }

    /// Bytes written by `bytes(_:)` as values.
    static func floats(_ data: Data) -> [Float] { CheckpointFrame.floats(data) }
}
