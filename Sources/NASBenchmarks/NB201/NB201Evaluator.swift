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
    private let benchmark: NB201Benchmark

    /// The epoch counts the table offers.
    public static let availableEpochs = [12, 200]

    /// Creates an evaluator; throws when a setting asks for results the table does not have.
    public init(dataset: NB201Dataset = .cifar10, epochs: Int = 200, metric: NB201Metric = .valid,
                trial: NB201TrialChoice = .mean) throws {
        try self.init(dataset: dataset, epochs: epochs, metric: metric, trial: trial, benchmark: NB201Benchmark.shared())
    }

    /// Creates an evaluator over a given copy of the tables.
    init(dataset: NB201Dataset, epochs: Int, metric: NB201Metric, trial: NB201TrialChoice, benchmark: NB201Benchmark) throws {
        self.benchmark = benchmark
        self.dataset = dataset
        self.epochs = epochs
        self.metric = metric
        self.trial = trial
        try checkAvailable(epochs: epochs)
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

    /// Looks the cell up; throws for other spaces, unknown epochs or a data fraction below 1.
    public func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity,
                         seed: UInt64, cancel: CancellationToken) throws -> TrialResult {
        let index = try NB201Evaluator.tableIndex(of: architecture, in: space)
        let epochs = fidelity.epochs ?? self.epochs
        try checkAvailable(epochs: epochs)
        if fidelity.dataFraction != 1 {
            throw BenchmarkError("the NB201 table was trained on the whole dataset; a data fraction of \(fidelity.dataFraction) is not available")
        }
        let results = benchmark.results(dataset)
        let valid = validAccuracy(results, index: index, epochs: epochs, seed: seed)
        let test = epochs == 200 ? results.test200?[index] : results.test12[index]
        var metrics: [String: Double] = [
            "accuracy": metric == .valid ? valid : (test ?? .nan),
            "valid_accuracy": valid,
            "params": results.params[index],
            "train_time": results.trainTime[index] * Double(epochs) / 200,
        ]
        if let test { metrics["test_accuracy"] = test }
        return TrialResult(metrics: metrics, simulatedSeconds: results.trainTime[index] * Double(epochs) / 200)
    }

    /// The official index of an `nb201` architecture; throws for other spaces and invalid tokens.
    public static func tableIndex(of architecture: Architecture, in space: any SearchSpace) throws -> Int {
        guard let nb201 = space as? NB201Space, architecture.space == "nb201" else {
            throw BenchmarkError("the NB201 table evaluates architectures of the nb201 space, not of '\(architecture.space)'")
        }
        guard nb201.channels == 16, nb201.cellsPerStage == 5 else {
            throw BenchmarkError("the NB201 table holds results for the benchmark's own skeleton (16 channels, 5 cells per stage), "
                + "not for \(nb201.channels) channels and \(nb201.cellsPerStage) cells per stage")
        }
        do { try nb201.validate(architecture) } catch { throw BenchmarkError("\(error)") }
        return nb201.index(of: architecture)
    }

    /// The validation accuracy: the mean, or one seeded run when `trial` is random.
    private func validAccuracy(_ results: NB201DatasetResults, index: Int, epochs: Int, seed: UInt64) -> Double {
        guard epochs == 200 else { return results.valid12[index] }
        guard trial == .random else { return results.validMean[index] }
        let runs = results.validRuns(at: index)
        var rng = SeededRandom(seed: seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        return runs[rng.nextInt(below: runs.count)]
    }

    /// Throws unless the table has the asked-for results at `epochs`.
    private func checkAvailable(epochs: Int) throws {
        guard NB201Evaluator.availableEpochs.contains(epochs) else {
            throw BenchmarkError("the NB201 table has results after 12 and 200 epochs only, not \(epochs)")
        }
        if trial == .random && !(epochs == 200 && metric == .valid) {
            throw BenchmarkError("trial: random needs per-run values, which the table has only for the 200-epoch "
                + "validation accuracy; \(epochs)-epoch \(metric.rawValue) accuracy exists only as a mean over runs (use trial: mean)")
        }
        if epochs == 200 && metric == .test && !benchmark.hasTest200 {
            throw BenchmarkError("the 200-epoch test accuracies (nb201_test200) are not shipped with this build of naslab; "
                + "use metric: valid, or epochs: 12")
        }
    }
}
