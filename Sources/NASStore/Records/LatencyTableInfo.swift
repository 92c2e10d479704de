import Foundation

/// What a latency table was measured on: its name, device and settings.
public struct LatencyTableInfo: Sendable, Hashable {
    /// The table's name (`nb201-cpu`); the latest table of a name wins on lookup.
    public var name: String
    /// The device it was measured on (`cpu: AMD EPYC, 2 threads`).
    public var device: String
    /// The batch size of the measurements.
    public var batch: Int
    /// The number of threads of the measurements.
    public var threads: Int
    /// The version of the engine that measured it.
    public var engineVersion: String
    /// When it was measured.
    public var date: Date

    /// Creates the description of a latency table.
    public init(name: String, device: String, batch: Int, threads: Int, engineVersion: String, date: Date = Date()) {
        self.name = name
        self.device = device
        self.batch = batch
        self.threads = threads
        self.engineVersion = engineVersion
        self.date = date
    }
}
