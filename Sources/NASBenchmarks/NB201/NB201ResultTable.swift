import NASSpaces
import Synchronization

/// Every cell's `TrialResult` for one dataset, schedule and reported metric, built once.
///
/// A lookup then copies a finished result instead of building a dictionary of metrics per query,
/// as a Python script keeps a dict of tuples built when it reads the table; a search loop reads
/// the rows in place (`NB201Evaluator.resultTable(for:fidelity:)`). Tables over the shared
/// benchmark are cached for the process, one per setting asked for (about 2.5 MB and a few
/// milliseconds to build each).
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

    /// The result of every cell, by base-5 cell code (`NB201Space.cellCode(of:)`), so that a lookup needs
    /// no index table; its rows are found from an architecture of the `nb201` space.
    let rows: ResultTable
    /// The cell code of each official index.
    private let codeByIndex: [Int]

    /// Builds a table of the 15,625 cells by asking `result` for every official index.
    init(result: (Int) -> TrialResult) {
        let indexByCode = (0..<NB201Benchmark.cellCount).map(NB201Space.index(ofCellCode:))
        var codeByIndex = [Int](repeating: 0, count: indexByCode.count)
        for (code, index) in indexByCode.enumerated() { codeByIndex[index] = code }
        rows = ResultTable(results: indexByCode.map(result),
                           rows: .code(TokenCode(space: NB201Space.spaceName, count: 6, radix: NB201Space.operations.count)))
        self.codeByIndex = codeByIndex
    }

    /// The result of the cell with base-5 code `code`.
    func result(ofCode code: Int) -> TrialResult { rows[code] }

    /// The result of the cell at official index `index`.
    func result(atIndex index: Int) -> TrialResult { rows[codeByIndex[index]] }

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
