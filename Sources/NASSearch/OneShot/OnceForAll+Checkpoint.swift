import Foundation
import NASCore
import NASSpaces
import NASTensor

extension OnceForAll {
    /// The small part of a checkpoint, written as JSON before the arrays.
    private struct Header: Codable {
        var method: String
        var epoch: Int
        var lastTrainLoss: Double
        var counter: ProposalCounter
        /// The lengths of what follows: the supernet's state, then the optimiser's.
        var lengths: [Int]
    }

    /// The whole state after the last epoch told: the supernet's weights, transformation matrices and
    /// batch-norm statistics (channels in their sorted order), the optimiser and the epoch count.
    public func checkpoint() throws -> Data {
        guard !isPending else { throw StrategyError("\(name) cannot checkpoint between an epoch's ask and its tell") }
        let arrays = [supernet.stateValues(), optimizer.state(of: supernet.parameters)]
        let header = Header(method: name, epoch: epoch, lastTrainLoss: lastTrainLoss, counter: counter, lengths: arrays.map(\.count))
        let json = try JSONEncoder().encode(header)
        var data = Data()
        var length = UInt32(json.count).littleEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
        data.append(json)
        for array in arrays { data.append(OneShotSearch.bytes(array)) }
        return data
    }

    /// Restores a checkpoint written by `checkpoint()` with the same space, data and settings.
    public func restore(from data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count >= 4 else { throw StrategyError("\(name): the checkpoint is truncated") }
        let length = Int(UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24)
        guard bytes.count >= 4 + length,
              let header = try? JSONDecoder().decode(Header.self, from: Data(bytes[4..<4 + length])),
              header.method == name, header.lengths.count == 2,
              bytes.count == 4 + length + 4 * header.lengths.reduce(0, +) else {
            throw StrategyError("\(name): the checkpoint is not one of \(name)'s, or it is truncated")
        }
        let offset = 4 + length, split = offset + 4 * header.lengths[0]
        try supernet.restoreState(OneShotSearch.floats(Data(bytes[offset..<split])))
        optimizer.restore(OneShotSearch.floats(Data(bytes[split...])), of: supernet.parameters)
        epoch = header.epoch
        lastTrainLoss = header.lastTrainLoss
        counter = header.counter
    }
}
