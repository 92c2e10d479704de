import NASSpaces
import Synchronization

/// Every cell's `TrialResult` for one dataset, schedule and reported metric, built once.
///
/// A lookup then copies a finished result (a few retains) instead of building a dictionary of
/// metrics per query, as a Python script keeps a dict of tuples built when it reads the table.
/// Tables over the shared benchmark are cached for the process, one per setting asked for
/// (about 5 MB and a few milliseconds to build each).
final class NB201ResultTable: Sendable {
    /// What a table is built for.
    struct Setting: Hashable, Sendable {
        /// The dataset looked up.
        var dataset: NB201Dataset
        /// 12 or 200.
        var epochs: Int
        /// Which accuracy becomes `accuracy`.
        var metric: NB201Metric
    }

    /// The result of every cell, by official index.
    let results: [TrialResult]

    /// Builds a table by asking `result` for every index.
    init(cellCount: Int, result: (Int) -> TrialResult) {
        results = (0..<cellCount).map(result)
    }

    /// The tables built over the shared benchmark, by setting.
    private static let sharedTables = Mutex<[Setting: NB201ResultTable]>([:])

    /// The process-wide table of a setting over the shared benchmark, built by `build` on first use.
    static func shared(_ setting: Setting, build: () -> NB201ResultTable) -> NB201ResultTable {
        sharedTables.withLock { tables in
            if let table = tables[setting] { return table }
            let table = build()
            tables[setting] = table
            return table
        }
    }
}
