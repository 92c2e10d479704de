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
    /// The space whose parts it holds (empty when unknown).
    public var space: String
    /// The input shape of one sample as `CxHxW` (empty when unknown).
    public var input: String
    /// The classes of the measured networks' classifier (0 when unknown).
    public var classes: Int
    /// `plain` (standalone parts) or `corrected` (in-context blocks from whole-network measurements).
    public var kind: String
    /// The whole networks measured to build it (a correction's cost; 0 for a plain table).
    public var measurements: Int
    /// How it was built (`profile`, `method 1 (k3_e6)`, `method 2`; empty when unknown).
    public var method: String

    /// Creates the description of a latency table.
    public init(name: String, device: String, batch: Int, threads: Int, engineVersion: String, date: Date = Date(),
                space: String = "", input: String = "", classes: Int = 0, kind: String = "plain", measurements: Int = 0,
                method: String = "") {
        self.name = name
        self.device = device
        self.batch = batch
        self.threads = threads
        self.engineVersion = engineVersion
        self.date = date
        self.space = space
        self.input = input
        self.classes = classes
        self.kind = kind
        self.measurements = measurements
        self.method = method
    }
}
