import NASCore
import NASSpaces

/// Measures whole networks of a space on a device, each distinct architecture once.
///
/// The corrections measure specified networks and their one-block replacements; method 2's
/// references share some of them, and the count of distinct measurements is what a correction costs.
struct WholeNetworkMeasurer {
    let space: any BlockwiseSpace
    let device: any Device
    let input: TensorShape
    let classes: Int
    let batch: Int
    let settings: MeasurementSettings
    let cancel: CancellationToken
    /// Canonical architecture → its measurement.
    private(set) var measured: [String: LatencyMeasurement] = [:]

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

    /// The distinct networks measured so far.
    var count: Int { measured.count }

    /// The measurement of `architecture`'s whole network (measured on first request).
    mutating func measure(_ architecture: Architecture) throws -> LatencyMeasurement {
        let key = space.canonical(architecture)
        if let known = measured[key] { return known }
        try cancel.check()
        let spec = try space.network(architecture, input: input, classes: classes)
        let m = try device.measure(spec, batch: batch, settings: settings, cancel: cancel)
        measured[key] = m
        return m
    }
}
