import Foundation
import NASCore
import NASSpaces

/// Measured latency per architecture on one device configuration, in seconds.
///
/// Keys are canonical architecture strings of a naslab space (for NB201 also the official index;
/// for FBNet the 22 op-index digits). Shipped tables: `LatencyTable.nb201(device:)` (27 device
/// configurations × 15,625 cells) and `LatencyTable.fbnet(device:)` (27 × 5,000 sampled
/// architectures); users load their own with `LatencyTable.load(csv:space:key:unit:column:)`.
public struct LatencyTable: Sendable {
    /// A short name (`nb201/pixel3`, or the file name for a user's table).
    public let name: String
    /// The device column (`pixel3`, `1080ti_32`).
    public let device: String
    /// The batch size when the source measured the device at several (`1080ti_32` → 32), else nil.
    public let batch: Int?
    /// The unit the source gave its numbers in (`ms`); values here are always seconds.
    public let unit: String
    let keys: LatencyKeys
    let seconds: [Double]

    init(name: String, device: String, batch: Int? = nil, unit: String, keys: LatencyKeys, seconds: [Double]) {
        self.name = name
        self.device = device
        self.batch = batch
        self.unit = unit
        self.keys = keys
        self.seconds = seconds
    }

    /// The name of the space whose architectures the table holds.
    public var space: String { keys.space }

    /// The number of architectures in the table.
    public var count: Int { seconds.count }

    /// The latency of the architecture with this canonical key (or alias), in seconds.
    public func latency(forKey key: String) -> Double? {
        keys.row(of: key).map { seconds[$0] }
    }

    /// The latency of the `row`-th architecture (for NB201 tables: the official index), in seconds.
    public func latency(atRow row: Int) -> Double? {
        seconds.indices.contains(row) ? seconds[row] : nil
    }

    /// The latency of an FBNet architecture given as its 22 op indices (0…8), in seconds.
    public func latency(forTokens tokens: [Int]) -> Double? {
        guard tokens.allSatisfy({ (0...9).contains($0) }) else { return nil }
        return latency(forKey: tokens.map(String.init).joined())
    }

    /// The latency of an architecture of `space`, or nil when the table does not list it.
    ///
    /// Throws when the architecture belongs to a different space than the table's.
    public func latency(of architecture: Architecture, in space: any SearchSpace) throws -> Double? {
        guard architecture.space == self.space else {
            throw BenchmarkError("the latency table \(name) holds \(self.space) architectures, not \(architecture.space) ones")
        }
        if let value = latency(forKey: space.canonical(architecture)) { return value }
        if self.space == "fbnet" { return latency(forTokens: architecture.tokens) }
        return nil
    }

    /// The table as `arch` (the key) and `latency` (seconds), in file order.
    public func table() -> Table {
        let rows = zip(keys.keys, seconds).map { [Cell.string($0), Cell.number(.seconds($1))] }
        return Table(columns: ["arch", "latency"], rows: rows)
    }

    /// The device and batch size of a column name with a numeric suffix (`titan_rtx_256` → `titan_rtx`, 256).
    static func splitBatch(_ device: String) -> (device: String, batch: Int)? {
        guard let underscore = device.lastIndex(of: "_"), let batch = Int(device[device.index(after: underscore)...]) else {
            return nil
        }
        return (String(device[..<underscore]), batch)
    }
}
