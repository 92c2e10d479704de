import Foundation
import NASCore
import NASSpaces
import NASTensor

extension OnceForAll {
    /// The whole state after the last epoch told: the supernet's weights, transformation matrices and
    /// batch-norm statistics (channels in their sorted order), the optimiser and the epoch count
    /// (the header's lengths: the supernet's state, then the optimiser's).
    public func checkpoint() throws -> Data {
        guard !isPending else { throw StrategyError("\(name) cannot checkpoint between an epoch's ask and its tell") }
        let arrays = [supernet.stateValues(), optimizer.state(of: supernet.parameters)]
        let header = CheckpointFrame.Header(method: name, epoch: epoch, lastTrainLoss: lastTrainLoss, counter: counter, lengths: arrays.map(\.count))
        return try CheckpointFrame.write(header, arrays: arrays)
    }

    /// Restores a checkpoint written by `checkpoint()` with the same space, data and settings.
    public func restore(from data: Data) throws {
        guard let (header, arrays, _) = CheckpointFrame.read(data, as: CheckpointFrame.Header.self, counts: { [name] h in
            h.method == name && h.lengths.count == 2 ? h.lengths : nil
        }) else {
            throw StrategyError("\(name): the checkpoint is not one of \(name)'s, or it is truncated")
        }
        try supernet.restoreState(arrays[0])
        optimizer.restore(arrays[1], of: supernet.parameters)
        epoch = header.epoch
        lastTrainLoss = header.lastTrainLoss
        counter = header.counter
    }
}
