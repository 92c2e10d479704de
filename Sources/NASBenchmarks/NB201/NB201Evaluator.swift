import NASCore
import NASSpaces

/// Evaluates `nb201` cells by looking them up in the NAS-Bench-201 tables.
///
/// `accuracy` is the chosen metric (validation or test, after 12 or 200 epochs) as a fraction;
/// `valid_accuracy` and `test_accuracy` are both reported (test only when shipped), with
/// `params` and `train_time`. Each lookup charges simulated seconds, so that budgets in
/// simulated time behave as in NATS-Bench:
/// - 200 epochs: the table's recorded training time of the 200-epoch schedule.
/// - 12 epochs: that time × 12/200. NATS-Bench records a separate time for its `hp=12`
///   schedule, which naslab does not ship; per-epoch cost is close to constant, so the
///   scaled 200-epoch time is the estimate used.
/// A fidelity with `epochs` 12 or 200 overrides the evaluator's own epochs; the table has no
/// other epoch counts.
public struct NB201Evaluator: Evaluator {
    /// The dataset whose results are looked up.
    public let dataset: NB201Dataset
    /// 12 or 200: which training schedule's results.
    public let epochs: Int
    /// Which accuracy becomes `accuracy`.
    public let metric: NB201Metric
    /// Mean over runs, or one seeded random run (200-epoch validation only).
    public let trial: NB201TrialChoice
    /// Whether the 200-epoch test accuracies are shipped.
    private let hasTest200: Bool
    /// The chosen dataset's results, fetched once.
    private let results: NB201DatasetResults
    /// Every cell's result at `epochs`, when results do not depend on the seed (`trial: mean`).
    private let table: NB201ResultTable?
    /// Whether the results are the shared benchmark's, whose result tables are cached for the process.
    private let usesSharedTables: Bool

    /// The epoch counts the table offers.
    public static let recordedEpochs = [12, 200]

    /// Creates an evaluator; throws when a setting asks for results the table does not have.
    public init(dataset: NB201Dataset = .cifar10, epochs: Int = 200, metric: NB201Metric = .valid,
                trial: NB201TrialChoice = .mean) throws {
        try self.init(dataset: dataset, epochs: epochs, metric: metric, trial: trial, benchmark: NB201Benchmark.shared(),
                      sharedTables: true)
    }

    /// Creates an evaluator over a given copy of the tables (`sharedTables`: it is `NB201Benchmark.shared()`).
    init(dataset: NB201Dataset, epochs: Int, metric: NB201Metric, trial: NB201TrialChoice, benchmark: NB201Benchmark,
         sharedTables: Bool = false) throws {
        try NB201Evaluator.checkAvailable(epochs: epochs, metric: metric, trial: trial, hasTest200: benchmark.hasTest200)
        self.dataset = dataset
        self.epochs = epochs
        self.metric = metric
        self.trial = trial
        hasTest200 = benchmark.hasTest200
        results = benchmark.results(dataset)
        usesSharedTables = sharedTables
        table = trial == .mean
            ? NB201Evaluator.resultTable(results, epochs: epochs, metric: metric, shared: sharedTables) : nil
    }

    /// Creates an evaluator from settings as the language spells them (`"cifar100"`, `"test"`, `"random"`).
    public init(dataset: String, epochs: Int = 200, metric: String = "valid", trial: String = "mean") throws {
        try self.init(dataset: NB201Dataset(name: dataset), epochs: epochs, metric: NB201Metric(name: metric),
                      trial: NB201TrialChoice(name: trial))
    }

    /// The evaluator and its settings, as the language would write it.
    public var descriptor: String {
        "nb201(dataset: \(dataset.rawValue), epochs: \(epochs), metric: \(metric.rawValue), trial: \(trial.rawValue))"
    }

    /// The one space whose architectures the table holds.
    public var supportedSpaces: Set<String> { ["nb201"] }

    /// 200: the longest schedule in the table (12 is the other).
    public var maxEpochs: Int? { 200 }

    /// True: the table has a row for each of the 15,625 cells, equivalent ones trained separately.
    public var recordsEachArchitecture: Bool { true }
    /// The two epoch counts the benchmark recorded.
    public var availableEpochs: [Int]? { NB201Evaluator.recordedEpochs }
    /// A lookup charges the recorded training time.
    public var chargesSimulatedTime: Bool { true }

    /// Looks the cell up; throws for other spaces, unknown epochs or a data fraction below 1.
    public func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity,
                         seed: UInt64, cancel: CancellationToken) throws -> TrialResult {
        if let table, fidelity.dataFraction == 1, fidelity.epochs == nil || fidelity.epochs == epochs,
           let code = NB201Evaluator.cellCode(of: architecture, in: space) {
            return table.result(ofCode: code)
        }
        let index = try NB201Evaluator.tableIndex(of: architecture, in: space)
        let epochs = fidelity.epochs ?? self.epochs
        if epochs != self.epochs {
            try NB201Evaluator.checkAvailable(epochs: epochs, metric: metric, trial: trial, hasTest200: hasTest200)
        }
        if fidelity.dataFraction != 1 {
            throw BenchmarkError("the NB201 table was trained on the whole dataset; a data fraction of \(fidelity.dataFraction) is not available")
        }
        guard epochs == self.epochs else { return result(index: index, otherEpochs: epochs, seed: seed) }
        if let table { return table.result(atIndex: index) }
        return NB201Evaluator.result(results, index: index, epochs: epochs, metric: metric, trial: trial, seed: seed)
    }

    /// Every cell's result at `fidelity` as a table by cell code, when the results do not depend on the
    /// seed (`trial: mean`), the space is the benchmark's own skeleton, the data fraction is 1 and the
    /// table has the epochs; nil otherwise (`evaluate` then answers, or words the error).
    public func resultTable(for space: any SearchSpace, fidelity: Fidelity) -> ResultTable? {
        guard let table, fidelity.dataFraction == 1, let nb201 = NB201Evaluator.nb201(space),
              nb201.channels == 16, nb201.cellsPerStage == 5 else { return nil }
        let epochs = fidelity.epochs ?? self.epochs
        if epochs == self.epochs { return table.rows }
        guard (try? NB201Evaluator.checkAvailable(epochs: epochs, metric: metric, trial: trial, hasTest200: hasTest200)) != nil
        else { return nil }
        return NB201Evaluator.resultTable(results, epochs: epochs, metric: metric, shared: usesSharedTables).rows
    }

    /// The table of every cell's result at `epochs` (mean over runs): cached when `shared`.
    private static func resultTable(_ results: NB201DatasetResults, epochs: Int, metric: NB201Metric,
                                    shared: Bool) -> NB201ResultTable {
        let build = {
            NB201ResultTable {
                result(results, index: $0, epochs: epochs, metric: metric, trial: .mean, seed: 0)
            }
        }
        guard shared else { return build() }
        return NB201ResultTable.shared(NB201ResultTable.Setting(dataset: results.dataset, epochs: epochs, metric: metric),
                                       build: build)
    }

    /// The result at another epoch count than the evaluator's own: from the shared tables when
    /// they apply, otherwise read from the columns.
    private func result(index: Int, otherEpochs epochs: Int, seed: UInt64) -> TrialResult {
        if trial == .mean && usesSharedTables {
            return NB201Evaluator.resultTable(results, epochs: epochs, metric: metric, shared: true).result(atIndex: index)
        }
        return NB201Evaluator.result(results, index: index, epochs: epochs, metric: metric, trial: trial, seed: seed)
    }

    /// The result of the cell at `index` after `epochs`, read from the dataset's columns.
    private static func result(_ results: NB201DatasetResults, index: Int, epochs: Int, metric: NB201Metric,
                               trial: NB201TrialChoice, seed: UInt64) -> TrialResult {
        let valid = validAccuracy(results, index: index, epochs: epochs, trial: trial, seed: seed)
        let test = epochs == 200 ? results.test200?[index] : results.test12[index]
        var metrics = MetricValues([
            .accuracy: metric == .valid ? valid : (test ?? .nan),
            .validAccuracy: valid,
            .params: results.params[index],
            .trainTime: results.trainTime[index] * Double(epochs) / 200,
        ])
        if let test { metrics[.testAccuracy] = test }
        return TrialResult(metricValues: metrics, simulatedSeconds: results.trainTime[index] * Double(epochs) / 200)
    }

    /// The official index of an `nb201` architecture; throws for other spaces and invalid tokens.
    public static func tableIndex(of architecture: Architecture, in space: any SearchSpace) throws -> Int {
        guard let nb201 = NB201Evaluator.nb201(space), architecture.spaceName == NB201Space.spaceName else {
            throw BenchmarkError("the NB201 table evaluates architectures of the nb201 space, not of '\(architecture.space)'")
        }
        guard nb201.channels == 16, nb201.cellsPerStage == 5 else {
            throw BenchmarkError("the NB201 table holds results for the benchmark's own skeleton (16 channels, 5 cells per stage), "
                + "not for \(nb201.channels) channels and \(nb201.cellsPerStage) cells per stage")
        }
        let index = nb201.index(of: architecture)
        if index < 0 {
            do { try nb201.validate(architecture) } catch { throw BenchmarkError("\(error)") }
        }
        return index
    }

    /// The cell code of a valid architecture of the benchmark's own `nb201` space, else nil (the
    /// lookup's fast path; anything else takes the checked path, which words the error).
    private static func cellCode(of architecture: Architecture, in space: any SearchSpace) -> Int? {
        guard let nb201 = nb201(space), nb201.channels == 16, nb201.cellsPerStage == 5,
              architecture.spaceName == NB201Space.spaceName else { return nil }
        return NB201Space.cellCode(of: architecture)
    }

    /// The space as an `NB201Space`, if it is one. This runs once per lookup, and a dynamic cast
    /// costs more than the rest of it; the types are compared first, so the bit cast is the identity.
    private static func nb201<S: SearchSpace>(_ space: S) -> NB201Space? {
        S.self == NB201Space.self ? unsafeBitCast(space, to: NB201Space.self) : nil
    }

    /// The validation accuracy: the mean, or one seeded run when `trial` is random.
    private static func validAccuracy(_ results: NB201DatasetResults, index: Int, epochs: Int, trial: NB201TrialChoice,
                                      seed: UInt64) -> Double {
        guard epochs == 200 else { return results.valid12[index] }
        guard trial == .random else { return results.validMean[index] }
        let runs = results.validRuns(at: index)
        var rng = SeededRandom(seed: seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        return runs[rng.nextInt(below: runs.count)]
    }

    /// Throws unless the table has the asked-for results at `epochs`.
    private static func checkAvailable(epochs: Int, metric: NB201Metric, trial: NB201TrialChoice, hasTest200: Bool) throws {
        guard NB201Evaluator.recordedEpochs.contains(epochs) else {
            throw BenchmarkError("the NB201 table has results after 12 and 200 epochs only, not \(epochs)")
        }
        if trial == .random && !(epochs == 200 && metric == .valid) {
            throw BenchmarkError("trial: random needs per-run values, which the table has only for the 200-epoch "
                + "validation accuracy; \(epochs)-epoch \(metric.rawValue) accuracy exists only as a mean over runs (use trial: mean)")
        }
        if epochs == 200 && metric == .test && !hasTest200 {
            throw BenchmarkError("the 200-epoch test accuracies (nb201_test200) are not shipped with this build of naslab; "
                + "use metric: valid, or epochs: 12")
        }
    }
}
