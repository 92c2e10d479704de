import NASSpaces

/// The trials of a `SearchLoop` run in order, kept as plain records.
///
/// A trial answered by a `ResultTable` row records the row's number instead of a copy of the
/// result; other results are kept beside the records. A record then holds no reference, so
/// appending one copies about a hundred bytes and a finished log is freed without visiting its
/// records. Reading a trial (`log[i]`) builds its `SearchTrial`.
public struct TrialLog: RandomAccessCollection, Sendable {
    /// One trial, without its result.
    struct Record: Sendable {
        /// The proposal.
        var proposal: Proposal
        /// Where the result is: `tables[table]`'s row `slot`, or `results[slot]` when `table` is -1.
        var table: Int
        /// The row, or the position in `results`.
        var slot: Int
        /// The objective's score.
        var score: Double
        /// Simulated seconds spent when the trial finished.
        var simulatedClock: Double
        /// The best score at the highest fidelity so far.
        var bestScore: Double
    }

    /// The records, in the order evaluated.
    private(set) var records: [Record] = []
    /// The tables whose rows answered trials.
    private(set) var tables: [ResultTable] = []
    /// The results that are no table's rows.
    private var results: [TrialResult] = []

    /// An empty log with room for `capacity` trials.
    init(capacity: Int = 0) { records.reserveCapacity(capacity) }

    /// Makes room for `capacity` trials in all.
    mutating func reserve(_ capacity: Int) { records.reserveCapacity(capacity) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    /// Trial `i`, with a copy of its result.
    public subscript(i: Int) -> SearchTrial {
        let record = records[i]
        return SearchTrial(proposal: record.proposal, result: result(of: record), score: record.score,
                           simulatedClock: record.simulatedClock, bestScore: record.bestScore)
    }

    /// The result of trial `i`.
    public func result(at i: Int) -> TrialResult { result(of: records[i]) }

    /// The trial a record kept outside the log describes: a row of one of the log's tables, or `own` result.
    func trial(_ record: Record, own: TrialResult?) -> SearchTrial {
        let result = record.table < 0 ? own ?? .failed("no result kept") : tables[record.table][record.slot]
        return SearchTrial(proposal: record.proposal, result: result, score: record.score, simulatedClock: record.simulatedClock,
                           bestScore: record.bestScore)
    }

    /// The result a record points at.
    private func result(of record: Record) -> TrialResult {
        record.table < 0 ? results[record.slot] : tables[record.table][record.slot]
    }

    /// The position of `table` among the log's tables, adding it when new.
    mutating func position(of table: ResultTable) -> Int {
        if let position = tables.firstIndex(where: { $0 === table }) { return position }
        tables.append(table)
        return tables.count - 1
    }

    /// Appends a trial answered by row `row` of the table at position `table`.
    mutating func append(_ proposal: Proposal, table: Int, row: Int, score: Double, clock: Double, best: Double) {
        records.append(Record(proposal: proposal, table: table, slot: row, score: score, simulatedClock: clock, bestScore: best))
    }

    /// Appends a trial with its own result.
    mutating func append(_ proposal: Proposal, result: consuming TrialResult, score: Double, clock: Double, best: Double) {
        results.append(result)
        records.append(Record(proposal: proposal, table: -1, slot: results.count - 1, score: score, simulatedClock: clock,
                              bestScore: best))
    }
}
