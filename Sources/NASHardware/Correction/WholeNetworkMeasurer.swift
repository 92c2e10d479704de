import NASCore
import NASSpaces

/// Measures whole networks of a space on a device at a table's input, classes and batch, counting them.
///
/// Every request is a fresh measurement: the corrections measure a specified network again
/// beside each position's replacements, and the count is what a correction costs.
struct WholeNetworkMeasurer {
    let space: any BlockwiseSpace
    let device: any Device
    let input: TensorShape
    let classes: Int
    let batch: Int
    let settings: MeasurementSettings
    let cancel: CancellationToken
    /// The whole-network measurements made so far.
    private(set) var count = 0

    init(space: any BlockwiseSpace, device: any Device, input: TensorShape, classes: Int, batch: Int, settings: MeasurementSettings,
         cancel: CancellationToken) {
        self.space = space
        self.device = device
        self.input = input
        self.classes = classes
        self.batch = batch
        self.settings = settings
        self.cancel = cancel
    }

    /// A fresh measurement of `architecture`'s whole network.
    mutating func measure(_ architecture: Architecture) throws -> LatencyMeasurement {
        try cancel.check()
        let spec = try space.network(architecture, input: input, classes: classes)
        count += 1
        return try device.measure(spec, batch: batch, settings: settings, cancel: cancel)
    }

    /// Fresh measurements of each of `others` beside `reference` (`Device.measurePairs`), counted
    /// as the device makes them.
    mutating func measurePairs(reference: Architecture, others: [Architecture]) throws -> [MeasuredPair] {
        try cancel.check()
        let base = try space.network(reference, input: input, classes: classes)
        let specs = try others.map { try space.network($0, input: input, classes: classes) }
        count += device.pairMeasurementCount(others: others.count)
        return try device.measurePairs(reference: base, others: specs, batch: batch, settings: settings, cancel: cancel)
    }
}
