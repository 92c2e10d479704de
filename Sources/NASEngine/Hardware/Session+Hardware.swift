import NASCore
import NASHardware
import NASSpaces
import NASStore

/// Latency tables through the session: measured as foreground jobs (Ctrl-C stops them between
/// two timed calls), kept in the workspace's store, and read back by name.
extension Session {
    /// Measures every distinct part of `space` standalone on `device` (`LatencyLUT.profile`) and saves the table.
    public func profileLatency(space: any BlockwiseSpace, device: any Device, input: TensorShape, batch: Int = 1,
                               settings: MeasurementSettings, name: String? = nil) throws -> LatencyLUT {
        let lut = try runForeground("profile \(space.name) on \(device.name)") { context in
            try LatencyLUT.profile(space: space, device: device, input: input, batch: batch, settings: settings, name: name,
                                   cancel: context.token) { context.progress(done: $0, total: $1, message: "parts measured") }
        }
        try saveLatencyLUT(lut)
        return lut
    }

    /// Corrects a plain table with whole-network measurements on `device` (`LUTCorrection`), in
    /// `passes` passes, rescales it to `calibration` random networks when above 0 (`LUTCalibration`),
    /// and saves the result.
    public func correctLatency(_ lut: LatencyLUT, space: any BlockwiseSpace, device: any Device, method: CorrectionMethod,
                               settings: MeasurementSettings, passes: Int = 3, calibration: Int = 0,
                               name: String? = nil) throws -> CorrectedLUT {
        let corrected = try runForeground("correct \(lut.metadata.name) (\(method.description))") { context in
            let corrected = try LUTCorrection.correct(lut, space: space, device: device, method: method, settings: settings, passes: passes,
                                                      name: name, cancel: context.token) {
                context.progress(done: $0, total: $1, message: "networks measured")
            }
            guard calibration > 0 else { return corrected }
            return try LUTCalibration.calibrate(corrected, space: space, device: device, samples: calibration, settings: settings,
                                                passes: passes, cancel: context.token) {
                context.progress(done: $0, total: $1, message: "random networks measured")
            }
        }
        try saveLatencyLUT(corrected.lut)
        return corrected
    }

    /// Saves a measured table in the store (a later table of the same name replaces it on lookup).
    public func saveLatencyLUT(_ lut: LatencyLUT) throws {
        let m = lut.metadata
        let info = LatencyTableInfo(name: m.name, device: m.device, batch: m.batch, threads: m.threads,
                                    engineVersion: m.engineVersion, date: m.date, space: m.space, input: m.inputText,
                                    classes: m.classes, kind: m.kind.rawValue, measurements: m.wholeNetworkMeasurements,
                                    method: m.method)
        try runs().store.saveLatencyTable(info, rows: lut.sortedEntries.map {
            LatencyTableEntry(key: $0.key, seconds: $0.entry.seconds, cv: $0.entry.cv)
        })
    }

    /// The latest measured table of this name in the store.
    public func latencyLUT(named name: String) throws -> LatencyLUT {
        let (info, rows) = try runs().store.latencyTableContents(name)
        guard let kind = LUTKind(rawValue: info.kind), !info.space.isEmpty, let input = LUTMetadata.shape(info.input) else {
            throw HardwareError("the latency table '\(name)' was not measured by profile() (it has no space or input shape)")
        }
        let metadata = LUTMetadata(name: info.name, kind: kind, space: info.space, device: info.device, threads: info.threads,
                                   batch: info.batch, input: input, classes: info.classes, engineVersion: info.engineVersion,
                                   date: info.date, wholeNetworkMeasurements: info.measurements, method: info.method)
        var entries: [String: LUTEntry] = [:]
        for row in rows { entries[row.key] = LUTEntry(seconds: row.seconds, cv: row.cv ?? 0) }
        return LatencyLUT(metadata: metadata, entries: entries)
    }

    /// Every latency table in the store, one row each.
    public func latencyLUTs() throws -> Table {
        try runs().store.latencyTables()
    }

    /// One stored table's entries as a store-backed table (`key`, `latency`, `cv`) for pipelines and joins.
    public func latencyLUTRows(_ name: String) throws -> any TableSource {
        try StoreTableSource(store: runs().store, table: .latency(name))
    }
}
