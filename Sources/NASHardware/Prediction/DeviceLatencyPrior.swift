import Foundation
import NASBenchmarks
import NASCore

/// What known devices say about a space's architectures: the low-rank structure of their
/// log-latencies, and the few reference architectures a new device is measured on.
///
/// From the matrix of log-latencies (architectures × prior devices), each device's column is
/// centred and the leading `rank` principal directions are kept: every architecture gets an
/// embedding of `rank` numbers, the coordinates of its latency profile across devices (its
/// overall cost, its share of convolution against memory-bound work, and so on). A new device's
/// log-latency is then, to a good approximation, an affine function of the embedding
/// (`FewShotDevicePredictor`). The reference architectures are chosen once, from the prior
/// alone, to spread over the embedding: the first is the one at the median of the leading
/// coordinate, each next one the architecture farthest from those already chosen.
public struct DeviceLatencyPrior: Sendable {
    /// The name of the space whose architectures the rows are (`nb201`).
    public let space: String
    /// The prior devices, in the order of the source.
    public let devices: [String]
    /// The embedding of every architecture (row of the source tables), `rank` numbers each.
    public let embedding: [[Double]]
    /// The rows of the reference architectures, in the order they were chosen.
    public let references: [Int]

    /// The prior of the shipped NB201 tables (27 device configurations), leaving out `excluded` devices.
    ///
    /// - Parameters:
    ///   - excluded: device columns to leave out (the held-out device, and its batch siblings if wanted).
    ///   - rank: principal directions kept (4 fits the shipped devices best, see the tests).
    ///   - references: reference architectures to pick (the measurements a new device needs).
    public static func nb201(excluding excluded: Set<String> = [], rank: Int = 4, references: Int = 10) throws -> DeviceLatencyPrior {
        let bench = try DeviceLatencyBenchmark.nb201()
        let unknown = excluded.subtracting(bench.devices)
        guard unknown.isEmpty else {
            throw HardwareError("the nb201 latency tables have no device \(unknown.sorted().joined(separator: ", ")); the devices are \(bench.devices.joined(separator: ", "))")
        }
        let devices = bench.devices.filter { !excluded.contains($0) }
        let columns = try devices.map { device -> [Double] in
            let table = try bench.table(device: device)
            return (0..<table.count).map { log(table.latency(atRow: $0)!) }
        }
        return try DeviceLatencyPrior(space: "nb201", devices: devices, logLatencies: columns, rank: rank, references: references)
    }

    /// The prior of `logLatencies` (one column of natural-log latencies per device, all the same length).
    public init(space: String, devices: [String], logLatencies columns: [[Double]], rank: Int, references count: Int) throws {
        guard let rows = columns.first?.count, columns.allSatisfy({ $0.count == rows }), columns.count == devices.count else {
            throw HardwareError("a latency prior needs one column per device, all of the same architectures")
        }
        guard (1...columns.count).contains(rank) else {
            throw HardwareError("the prior's rank must be between 1 and its \(columns.count) devices, got \(rank)")
        }
        guard count > rank, count <= rows else {
            throw HardwareError("a new device needs more measurements than the prior's rank (\(rank)) and at most \(rows), got \(count)")
        }
        let centred = columns.map { column -> [Double] in
            let mean = column.reduce(0, +) / Double(rows)
            return column.map { $0 - mean }
        }
        let gram = centred.map { a in centred.map { b in zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } } }
        let directions = SymmetricEigen(gram).vectors.prefix(rank)
        self.space = space
        self.devices = devices
        self.embedding = (0..<rows).map { r in directions.map { v in zip(v, centred).reduce(0) { $0 + $1.0 * $1.1[r] } } }
        self.references = DeviceLatencyPrior.spreadRows(embedding, count: count)
    }

    /// `count` rows spread over the embedding: the median of the leading coordinate, then farthest-point.
    static func spreadRows(_ points: [[Double]], count: Int) -> [Int] {
        let leading = points.map { $0[0] }
        let median = leading.sorted()[leading.count / 2]
        var chosen = [leading.indices.min { abs(leading[$0] - median) < abs(leading[$1] - median) }!]
        var nearest = points.map { distance($0, points[chosen[0]]) }
        while chosen.count < count {
            let next = nearest.indices.max { nearest[$0] < nearest[$1] }!
            chosen.append(next)
            for r in points.indices { nearest[r] = min(nearest[r], distance(points[r], points[next])) }
        }
        return chosen
    }

    private static func distance(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }
}
