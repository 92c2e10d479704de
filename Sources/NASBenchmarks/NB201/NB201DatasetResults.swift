/// The NAS-Bench-201 results of all 15,625 cells on one dataset, in official index order.
///
/// Values are in naslab's base units: accuracies as fractions, times in seconds, parameters as
/// a plain count. Missing values are NaN (the third run of a cell trained with two seeds).
public struct NB201DatasetResults: Sendable {
    /// The dataset these results belong to.
    public let dataset: NB201Dataset
    /// Mean over runs of the validation accuracy after 200 epochs.
    public let validMean: [Double]
    /// Per-run validation accuracy after 200 epochs, `[run][index]`, runs in seed order
    /// (777, 888, 999 among those present); NaN where the cell has only two runs.
    public let validRuns: [[Double]]
    /// The number of runs (2 or 3) behind `validMean`.
    public let runCount: [Int]
    /// Mean test accuracy after 200 epochs; nil when `nb201_test200` is not shipped.
    public let test200: [Double]?
    /// Mean validation accuracy after 12 epochs (the `hp=12` training schedule).
    public let valid12: [Double]
    /// Mean test accuracy after 12 epochs.
    public let test12: [Double]
    /// Total training time of the 200-epoch schedule, seconds, as recorded by NATS-Bench.
    public let trainTime: [Double]
    /// Number of parameters.
    public let params: [Double]
    /// NATS-Bench's `latency` field (GPU, batch 256), seconds; only a relative cost.
    public let natsLatency: [Double]

    /// Reads one dataset's columns from the shipped stores.
    init(dataset: NB201Dataset, val200: ColumnStore, test200: ColumnStore?, epoch12: ColumnStore) throws {
        let tag = dataset.tag
        let percent = { (values: [Double]) in values.map { $0 / 100 } }
        self.dataset = dataset
        validMean = percent(try val200.numbers("\(tag)_val_acc_mean"))
        validRuns = try (1...3).map { percent(try val200.numbers("\(tag)_val_acc_t\($0)")) }
        runCount = try val200.numbers("\(tag)_val_n_trials").map { Int($0) }
        self.test200 = try test200.map { percent(try $0.numbers("\(tag)_test_acc")) }
        let validName = dataset == .cifar10 ? "c10_valid_val_acc_12ep" : "\(tag)_val_acc_12ep"
        valid12 = percent(try epoch12.numbers(validName))
        test12 = percent(try epoch12.numbers("\(tag)_test_acc_12ep"))
        trainTime = try val200.numbers("\(tag)_train_time_s")
        params = try val200.numbers("\(tag)_params_M").map { ($0 * 1e6).rounded() }
        natsLatency = try val200.numbers("\(tag)_latency_s")
    }

    /// The per-run validation accuracies of one cell (2 or 3 values).
    public func validRuns(at index: Int) -> [Double] {
        validRuns.map { $0[index] }.filter { !$0.isNaN }
    }
}
