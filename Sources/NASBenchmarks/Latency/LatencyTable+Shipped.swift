extension LatencyTable {
    /// The shipped NB201 latency table of one device configuration (`pixel3`, `1080ti_32`).
    public static func nb201(device: String, batch: Int? = nil) throws -> LatencyTable {
        try DeviceLatencyBenchmark.nb201().table(device: device, batch: batch)
    }

    /// The shipped FBNet latency table of one device configuration (`raspi4`, `2080ti_64`).
    public static func fbnet(device: String, batch: Int? = nil) throws -> LatencyTable {
        try DeviceLatencyBenchmark.fbnet().table(device: device, batch: batch)
    }
}
