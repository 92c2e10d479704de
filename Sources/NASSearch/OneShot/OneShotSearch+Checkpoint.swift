import Foundation
import NASCore
import NASSpaces
import NASTensor

extension OneShotSearch {
    /// The small part of a checkpoint, written as JSON before the arrays.
    private struct Header: Codable {
        var method: String
        var epoch: Int
        var lastTrainLoss: Double
        var counter: ProposalCounter
        /// The lengths of what follows: the supernet's state and the weights' optimiser (values), the method's state (bytes).
        var lengths: [Int]
    }

    /// The whole state after the last epoch told: the supernet's weights and batch-norm statistics,
    /// the optimisers, the method's own state and the epoch count (a few MB for NB201's supernet).
    public func checkpoint() throws -> Data {
        guard pending == nil else { throw StrategyError("\(name) cannot checkpoint between an epoch's ask and its tell") }
        let arrays = [supernet.model.stateValues(), weightOptimizer.state(of: supernet.parameters)]
        let method = try methodState()
        let header = Header(method: name, epoch: epoch, lastTrainLoss: lastTrainLoss, counter: counter,
                            lengths: arrays.map(\.count) + [method.count])
        let json = try JSONEncoder().encode(header)
        var data = Data()
        var length = UInt32(json.count).littleEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
        data.append(json)
        for array in arrays { array.withUnsafeBytes { data.append(contentsOf: $0) } }
        data.append(method)
        return data
    }

    /// Restores a checkpoint written by `checkpoint()` of the same method, space, data and settings.
    public func restore(from data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count >= 4 else { throw StrategyError("\(name): the checkpoint is truncated") }
        let length = Int(UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24)
        guard bytes.count >= 4 + length,
              let header = try? JSONDecoder().decode(Header.self, from: Data(bytes[4..<4 + length])),
              header.method == name, header.lengths.count == 3 else {
            throw StrategyError("\(name): the checkpoint is not one of \(name)'s, or it is truncated")
        }
        var offset = 4 + length
        var arrays: [[Float]] = []
        for count in header.lengths.prefix(2) {
            guard bytes.count >= offset + 4 * count else { throw StrategyError("\(name): the checkpoint is truncated") }
            arrays.append(OneShotSearch.floats(Data(bytes[offset..<offset + 4 * count])))
            offset += 4 * count
        }
        guard bytes.count == offset + header.lengths[2] else { throw StrategyError("\(name): the checkpoint is truncated") }
        try supernet.model.restoreState(arrays[0])
        weightOptimizer.restore(arrays[1], of: supernet.parameters)
        try restoreMethodState(Data(bytes[offset...]))
        restoreProgress(epoch: header.epoch, lastTrainLoss: header.lastTrainLoss, counter: header.counter)
    }

    /// Float values as bytes.
    static func bytes(_ values: [Float]) -> Data { values.withUnsafeBytes { Data($0) } }

    /// Bytes written by `bytes(_:)` as values.
    static func floats(_ data: Data) -> [Float] {
        data.withUnsafeBytes { raw in (0..<data.count / 4).map { raw.loadUnaligned(fromByteOffset: 4 * $0, as: Float.self) } }
    }
}
