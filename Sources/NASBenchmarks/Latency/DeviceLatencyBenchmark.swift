import NASCore

/// The shipped device latency measurements: 27 device configurations for every NB201 cell
/// (HELP and HW-NAS-Bench) and for 5,000 sampled FBNet architectures (HELP).
///
/// Device names are the source's column names: desktop GPUs with a batch suffix
/// (`1080ti_1`, `1080ti_32`, `1080ti_256`; FBNet: `_1`, `_32`, `_64`), Xeon CPUs (`gold_6226`),
/// phones (`pixel2`, `samsung_a50`, …, integer ms), `eyeriss` (ASIC), `fpga`, `pixel3`, `raspi4`.
public struct DeviceLatencyBenchmark: Sendable {
    /// The space the architectures belong to (`nb201` or `fbnet`).
    public let space: String
    /// Device configuration names, in the source's column order.
    public let devices: [String]
    private let tables: [String: LatencyTable]

    /// The FBNet op names, by op index (HW-NAS-Bench's `ops_str_lookup_table`).
    public static let fbnetOperations = ["k3_e1", "k3_e1_g2", "k3_e3", "k3_e6", "k5_e1", "k5_e1_g2", "k5_e3", "k5_e6", "skip"]

    /// The NB201 tables, loaded once.
    public static func nb201() throws -> DeviceLatencyBenchmark { try nb201Cache.get() }
    /// The FBNet tables, loaded once.
    public static func fbnet() throws -> DeviceLatencyBenchmark { try fbnetCache.get() }

    private static let nb201Cache = cache { try loadNB201() }
    private static let fbnetCache = cache { try loadFBNet() }

    /// Loads the NB201 latencies afresh (use `nb201()`; this is for benchmarks).
    public static func loadNB201() throws -> DeviceLatencyBenchmark {
        let store = try ColumnStore.bundled("nb201_device_latency_ms.ncs.gz")
        let keys = LatencyKeys(space: "nb201", keys: try NB201Benchmark.shared().architectures)
        guard store.rowCount == keys.keys.count else {
            throw BenchmarkError("the shipped NB201 latency table has \(store.rowCount) rows, not \(keys.keys.count)")
        }
        return try DeviceLatencyBenchmark(space: "nb201", store: store, devices: store.columnNames, keys: keys)
    }

    /// Loads the FBNet latencies afresh (use `fbnet()`; this is for benchmarks).
    public static func loadFBNet() throws -> DeviceLatencyBenchmark {
        let store = try ColumnStore.bundled("fbnet_device_latency_ms.ncs.gz")
        let digits = try store.strings("op_idx")
        let names = digits.map { $0.map { fbnetOperations[Int(String($0)) ?? 8] }.joined(separator: "-") }
        let keys = LatencyKeys(space: "fbnet", keys: digits, aliases: names)
        return try DeviceLatencyBenchmark(space: "fbnet", store: store, devices: store.columnNames.filter { $0 != "op_idx" }, keys: keys)
    }

    private init(space: String, store: ColumnStore, devices: [String], keys: LatencyKeys) throws {
        self.space = space
        self.devices = devices
        var tables: [String: LatencyTable] = [:]
        let batched = DeviceLatencyBenchmark.batchVariants(devices)
        for device in devices {
            let seconds = try store.numbers(device).map { $0 / 1000 }
            tables[device] = LatencyTable(name: "\(space)/\(device)", device: device, batch: batched[device]?.batch, unit: "ms",
                                          keys: keys, seconds: seconds)
        }
        self.tables = tables
    }

    /// The table of one device configuration: `pixel3`, `1080ti_32`, or `1080ti` with `batch: 32`.
    public func table(device: String, batch: Int? = nil) throws -> LatencyTable {
        let name = batch.map { "\(device)_\($0)" } ?? device
        if let table = tables[name] ?? tables[name.lowercased()] { return table }
        let batches = DeviceLatencyBenchmark.batchVariants(devices).filter { $0.value.device == device.lowercased() }.keys.sorted {
            (tables[$0]?.batch ?? 0) < (tables[$1]?.batch ?? 0)
        }
        if batch == nil && !batches.isEmpty {
            throw BenchmarkError("the \(space) latency table measures '\(device)' at several batch sizes; choose one of "
                + batches.joined(separator: ", "))
        }
        throw BenchmarkError("the \(space) latency table has no device '\(name)'\(NameSuggestion.hint(for: name, among: devices)); "
            + "the devices are \(devices.joined(separator: ", "))")
    }

    /// All devices side by side: `arch` and one latency column (seconds) per device
    /// (NB201 also has `index` first).
    public func table() -> Table {
        guard let first = devices.first.flatMap({ tables[$0] }) else { return Table(columns: []) }
        let columns = (space == "nb201" ? ["index", "arch"] : ["arch"]) + devices
        let perDevice = devices.map { tables[$0]!.seconds }
        let rows = first.keys.keys.enumerated().map { row, key -> [Cell] in
            let head: [Cell] = space == "nb201" ? [.number(Quantity(Double(row))), .string(key)] : [.string(key)]
            return head + perDevice.map { .number(.seconds($0[row])) }
        }
        return Table(columns: columns, rows: rows)
    }

    /// The columns that are one device at several batch sizes (`1080ti_1`, `1080ti_32`, …), with
    /// their device and batch. Batch sizes are powers of two and come in groups; other numeric
    /// suffixes are part of a name (`gold_6226`, `gold_6240`, `essential_ph_1`).
    static func batchVariants(_ columns: [String]) -> [String: (device: String, batch: Int)] {
        let split = columns.compactMap { column in LatencyTable.splitBatch(column).map { (column, $0) } }
            .filter { $0.1.batch > 0 && $0.1.batch & ($0.1.batch - 1) == 0 }
        let perDevice = Dictionary(grouping: split, by: { $0.1.device })
        return Dictionary(uniqueKeysWithValues: perDevice.values.filter { $0.count > 1 }.flatMap { $0 })
    }

    /// Keeps a load's outcome, success or error, for every later caller.
    private static func cache(_ load: () throws -> DeviceLatencyBenchmark) -> Result<DeviceLatencyBenchmark, BenchmarkError> {
        do { return .success(try load()) } catch let error as BenchmarkError { return .failure(error) } catch {
            return .failure(BenchmarkError("the device latency tables cannot be loaded: \(error)"))
        }
    }
}
