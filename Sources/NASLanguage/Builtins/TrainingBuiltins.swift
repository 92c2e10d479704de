import NASCore
import NASEngine
import NASSpaces
import NASTraining

/// Real data and real training: `dataset(…)` loads a built-in set or a user's file, and
/// `train(…)` makes the evaluator that trains each architecture it is given.
extension BuiltinRegistry {
    /// Registers the training builtins.
    func registerTrainingBuiltins() {
        registerDataset()
        registerTrain()
    }

    private func registerDataset() {
        register(Builtin("dataset", category: "training", summary: "a classification data set: built-in (fashion-mnist, mnist5k, digits) or from a CSV, IDX or NPY file",
                         help: """
                         Loads labelled images or feature vectors and splits them by a seeded shuffle into train, valid \
                         (what searches optimise) and test parts, normalised per channel with the training statistics. \
                         Built in: "fashion-mnist" (60,000 + 10,000 28×28 images from the Debian package \
                         dataset-fashion-mnist; valid defaults to 10k drawn from the training file, test is the official \
                         test file), "mnist5k" (a 5,000-image MNIST subset shipped with naslab; 750 valid, 750 test) and \
                         "digits" (sklearn's 1,797 8×8 digits, shipped; 270 valid, 270 test). From files: \
                         `csv:` a CSV with a header, one integer label column (`label:`) and numeric features, given \
                         their image shape with `shape:`; `idx:` an MNIST-format image file with its `labels:` file \
                         (gzipped or not); `npy:` a NumPy array [n, …] with its `labels:` vector. That file is the \
                         training file; `valid:` and `test:` take either a number of samples to draw from it (15% each \
                         by default, the rest trains) or a separate file in the same format (for idx:/npy: with its \
                         `valid_labels:`/`test_labels:` file): `dataset(csv: "train.csv", test: "test.csv")`. Every \
                         file must have the training file's columns (CSV) or sample shape, and labels within its \
                         classes; an error names the file that differs. Counts are plain numbers (`10k`). The value shows its sizes; \
                         its fields are name, train, valid, test, shape, classes and seed.
                         """,
                         parameters: [
                            Parameter("name", .string, default: Value.none, help: "a built-in set: \"fashion-mnist\", \"mnist5k\" or \"digits\""),
                            Parameter("train", .integer, default: Value.none, keywordOnly: true, help: "training samples (default: all that valid and test leave)"),
                            Parameter("valid", .any, default: Value.none, keywordOnly: true, help: "validation samples: a number drawn from the training file, or (csv:, idx:, npy:) a file of them"),
                            Parameter("test", .any, default: Value.none, keywordOnly: true, help: "test samples: a number drawn from the training file, or (csv:, idx:, npy:) a file of them"),
                            Parameter("seed", .integer, default: .number(1), keywordOnly: true, help: "seed of the split's shuffle"),
                            Parameter("csv", .string, default: Value.none, keywordOnly: true, help: "path of a CSV file (header line, numeric columns)"),
                            Parameter("label", .string, default: .string("label"), keywordOnly: true, help: "CSV: the label column's name"),
                            Parameter("shape", .list, default: Value.none, keywordOnly: true, help: "CSV: a sample's shape, [features] or [channels, height, width]"),
                            Parameter("idx", .string, default: Value.none, keywordOnly: true, help: "path of an IDX image file (MNIST format)"),
                            Parameter("npy", .string, default: Value.none, keywordOnly: true, help: "path of a .npy array of samples"),
                            Parameter("labels", .string, default: Value.none, keywordOnly: true, help: "IDX/NPY: path of the labels file"),
                            Parameter("valid_labels", .string, default: Value.none, keywordOnly: true, help: "IDX/NPY: the labels file of a valid: file"),
                            Parameter("test_labels", .string, default: Value.none, keywordOnly: true, help: "IDX/NPY: the labels file of a test: file"),
                            Parameter("classes", .integer, default: Value.none, keywordOnly: true, help: "number of classes (default: the training file's largest label + 1; 10 for IDX)"),
                         ],
                         paper: "Xiao et al., Fashion-MNIST, arXiv:1708.07747, 2017; LeCun et al., MNIST, 1998",
                         example: "data = dataset(\"fashion-mnist\", train: 10k, valid: 2k, seed: 1)\ndataset(csv: \"digits.csv\", label: \"y\", shape: [1, 8, 8])\ndataset(csv: \"train.csv\", valid: \"valid.csv\", test: \"test.csv\", label: \"y\")\ndataset(npy: \"x.npy\", labels: \"y.npy\", test: \"x_test.npy\", test_labels: \"y_test.npy\")") { call in
            .object(DatasetValue(try Self.loadDataset(call)))
        })
    }

    private func registerTrain() {
        register(Builtin("train", category: "training", summary: "an evaluator that trains each architecture on a data set (full training)",
                         help: """
                         Returns an evaluator: `evaluate(ev, a)` or `launch … using ev` builds the architecture's network \
                         for the data set's image shape and class count, trains it from scratch with this recipe and \
                         returns accuracy (validation, what searches optimise), test_accuracy, loss (validation), \
                         train_loss, params, train_time (seconds of training steps), the per-epoch validation curve and \
                         status. The training seed is the evaluation's seed (`evaluate(…, seed:)`, or the run's). A loss \
                         that becomes NaN or infinite ends the trial as failed with the reason (status "failed", error), \
                         and a search goes on; Ctrl-C stops training within a batch. Every setting is part of the \
                         evaluator's descriptor, so the store never serves a result trained with another recipe. \
                         Lower fidelities: `evaluate(ev, a, epochs: 1)` trains fewer epochs; `fidelity: 0.25` trains on a \
                         quarter of the training part.
                         """,
                         parameters: [
                            Parameter("data", .object("dataset"), help: "the data set, from dataset(…)"),
                            Parameter("epochs", .integer, default: .number(4), help: "passes over the training part"),
                            Parameter("batch", .integer, default: .number(128), help: "samples per step"),
                            Parameter("lr", .plainNumber, default: .number(0.05), help: "base learning rate"),
                            Parameter("optimizer", .string, default: .string("sgd"), help: "\"sgd\" (with momentum) or \"adam\""),
                            Parameter("momentum", .plainNumber, default: .number(0.9), keywordOnly: true, help: "SGD momentum, in [0, 1)"),
                            Parameter("nesterov", .bool, default: .bool(true), keywordOnly: true, help: "SGD: Nesterov momentum"),
                            Parameter("weight_decay", .plainNumber, default: .number(5e-4), keywordOnly: true, help: "L2 weight decay"),
                            Parameter("schedule", .string, default: .string("cosine"), keywordOnly: true, help: "\"cosine\" (to 0), \"step\" or \"none\""),
                            Parameter("step_every", .integer, default: Value.none, keywordOnly: true, help: "step schedule: epochs between decays (default: a third of the epochs)"),
                            Parameter("gamma", .plainNumber, default: .number(0.1), keywordOnly: true, help: "step schedule: factor at each decay"),
                            Parameter("warmup", .integer, default: .number(0), keywordOnly: true, help: "epochs of linear warm-up before the schedule"),
                            Parameter("crop", .integer, default: .number(0), keywordOnly: true, help: "random-crop padding in pixels (0: no crop)"),
                            Parameter("flip", .bool, default: .bool(false), keywordOnly: true, help: "random horizontal flips"),
                            Parameter("threads", .integer, default: Value.none, keywordOnly: true, help: "kernel threads (default: every core)"),
                            Parameter("fidelity", .plainNumber, default: .number(1), keywordOnly: true, help: "fraction of the training part to train on, in (0, 1]"),
                         ],
                         paper: "Zoph & Le, NAS with reinforcement learning, ICLR 2017 (full training as the estimate); Loshchilov & Hutter, SGDR (cosine), ICLR 2017; Kingma & Ba, Adam, ICLR 2015",
                         example: "data = dataset(\"digits\")\nev = train(data, epochs: 2, batch: 64, lr: 0.1)\nevaluate(ev, sample(chain(depth: 2..2, ops: [\"conv3x3\"], widths: [32], strides: [2]), seed: 1))") { call in
            let data = try call.object("data", as: DatasetValue.self).dataset
            let fraction = try Self.fraction(call)
            let config = try Self.trainingConfig(call, data: data.withTrainingFraction(fraction))
            return .object(EvaluatorValue(DatasetCatalogue.trainer(data, config: config, fraction: fraction)))
        })
    }

    /// What `evaluate` returns for a training evaluator: the metrics, the per-epoch curve and the
    /// status; a failed trial (divergence) gives its status and reason instead of stopping the script.
    static func trainingRecord(_ result: TrialResult) -> Record {
        guard result.status == .done else {
            return Record([("status", .string(result.status.rawValue)), ("error", .string(result.error ?? "unknown")),
                           ("wall_time", .number(.seconds(result.wallSeconds)))])
        }
        var record = metricRecord(result.metrics)
        record["curve"] = .list(result.curve.map { .number(MetricCatalogue.quantity("accuracy", $0)) })
        record["status"] = .string(result.status.rawValue)
        return record
    }

    // MARK: - Arguments

    /// The data set the arguments name: exactly one of a built-in name, csv:, idx: or npy:.
    private static func loadDataset(_ call: BuiltinCall) throws -> Dataset {
        let sources = ["name", "csv", "idx", "npy"].filter { !call.isNone($0) }
        guard sources.count == 1 else {
            let message = sources.isEmpty
                ? "dataset() needs a built-in name (\(DatasetCatalogue.builtinNames.joined(separator: ", "))) or csv:, idx: or npy:"
                : "dataset() takes one source, got \(sources.joined(separator: " and "))"
            throw BuiltinError(message, argument: sources.dropFirst().first)
        }
        let split = try datasetSplit(call)
        let classes = try positive(call, "classes")
        let source = sources[0]
        guard source != "name" else { return try builtinDataset(call, split: split) }
        let format: DataFormat, train: DataFile
        switch source {
        case "csv":
            let shape = try call.isNone("shape") ? nil : positiveList(call, "shape")
            format = .csv(label: try call.string("label"), shape: shape)
            train = DataFile(try call.string("csv"))
        default:
            format = source == "idx" ? .idx : .npy(scale: 1)
            train = DataFile(try call.string(source), labels: try labelsPath(call, for: source))
        }
        let valid = try partFile(call, "valid", source: source), test = try partFile(call, "test", source: source)
        return try blamingData(call, source) {
            try DatasetCatalogue.files(format, train: train, valid: valid, test: test, classes: classes, split: split)
        }
    }

    /// A built-in set by name; its parts come from the set, never from files.
    private static func builtinDataset(_ call: BuiltinCall, split: DatasetCatalogue.Split) throws -> Dataset {
        for part in ["valid", "test"] where partPath(call, part) != nil {
            throw BuiltinError("\(part) takes a file only with csv:, idx: or npy:; for a built-in set it is a number of samples",
                               argument: part)
        }
        let name = try call.string("name"), known = DatasetCatalogue.builtinNames
        guard known.contains(name) else {
            throw BuiltinError("there is no built-in dataset '\(name)'\(Spelling.didYouMean(name, among: known)) (built in: "
                + "\(known.joined(separator: ", ")); a file is read with csv:, idx: or npy:)", argument: "name")
        }
        return try blamingData(call, "name") { try DatasetCatalogue.builtin(name, split: split, cancel: call.session.interrupt) }
    }

    /// The separate file of the part `valid` or `test`, when one is given as a path (IDX and NPY
    /// with its `valid_labels:`/`test_labels:` file).
    private static func partFile(_ call: BuiltinCall, _ part: String, source: String) throws -> DataFile? {
        let labelsArgument = part + "_labels"
        let labels = try call.optionalString(labelsArgument)
        guard let path = partPath(call, part) else {
            if labels != nil {
                throw BuiltinError("\(labelsArgument) is the labels file of a \(part): file, but \(part) is not a file", argument: labelsArgument)
            }
            return nil
        }
        if source == "csv" {
            guard labels == nil else {
                throw BuiltinError("\(labelsArgument) is for idx: and npy: files; a CSV holds its labels in the label column", argument: labelsArgument)
            }
            return DataFile(path)
        }
        guard let labels else {
            throw BuiltinError("dataset(\(source): …, \(part): FILE) needs \(labelsArgument): the path of its labels file", argument: part)
        }
        return DataFile(path, labels: labels)
    }

    /// The path given for `valid:` or `test:`, or nil when it is a count or left out.
    private static func partPath(_ call: BuiltinCall, _ part: String) -> String? {
        if case .string(let path) = call[part] { return path }
        return nil
    }

    /// The count given for `valid:` or `test:` (0 or more), or nil when it is a file or left out.
    private static func partCount(_ call: BuiltinCall, _ part: String) throws -> Int? {
        switch call[part] {
        case .string: return nil
        case .number(let q) where q.dimension == .scalar:
            let n = try call.int(part)
            guard n >= 0 else { throw BuiltinError("\(part) must be 0 or more samples, got \(n)", argument: part) }
            return n
        case let value where value.isNone: return nil
        case let value:
            throw BuiltinError("\(part) must be a number of samples or the path of a file, got \(value.kindDescription)", argument: part)
        }
    }

    /// The train/valid/test counts and seed.
    private static func datasetSplit(_ call: BuiltinCall) throws -> DatasetCatalogue.Split {
        DatasetCatalogue.Split(train: try positive(call, "train"), valid: try partCount(call, "valid"),
                             test: try partCount(call, "test"), seed: try call.seed())
    }

    /// The labels file that `idx:` and `npy:` need.
    private static func labelsPath(_ call: BuiltinCall, for source: String) throws -> String {
        guard let path = try call.optionalString("labels") else {
            throw BuiltinError("dataset(\(source): …) needs labels: the path of its labels file", argument: source)
        }
        return path
    }

    /// The recipe from `train(…)`'s arguments, checked; `data` is the part actually trained on.
    private static func trainingConfig(_ call: BuiltinCall, data: Dataset) throws -> TrainingConfig {
        let epochs = try bounded(call, "epochs", 1...100_000, unit: "epochs")
        let batch = try batchSize(call, trainCount: data.train.count), lr = try learningRate(call)
        let momentum = try call.double("momentum"), weightDecay = try call.double("weight_decay")
        guard (0..<1).contains(momentum) else { throw BuiltinError("momentum must be in [0, 1), got \(momentum)", argument: "momentum") }
        guard weightDecay >= 0, weightDecay.isFinite else {
            throw BuiltinError("weight_decay must be 0 or more, got \(weightDecay)", argument: "weight_decay")
        }
        let name = try call.string("optimizer")
        guard let optimizer = DatasetCatalogue.optimizer(name, momentum: momentum, nesterov: try call.bool("nesterov"),
                                                       weightDecay: weightDecay) else {
            throw unknown("optimizer", name, among: DatasetCatalogue.optimizerNames)
        }
        let settings = try scheduleSettings(call, epochs: epochs), scheduleName = try call.string("schedule")
        guard let schedule = DatasetCatalogue.schedule(scheduleName, data: data, batch: batch, stepEpochs: settings.stepEvery,
                                                     gamma: settings.gamma, warmupEpochs: settings.warmup) else {
            throw unknown("schedule", scheduleName, among: DatasetCatalogue.scheduleNames)
        }
        return TrainingConfig(epochs: epochs, batchSize: batch, learningRate: lr, optimizer: optimizer, schedule: schedule,
                              cropPadding: try bounded(call, "crop", 0...64, unit: "pixels"), flip: try call.bool("flip"),
                              threads: try call.isNone("threads") ? nil : bounded(call, "threads", 1...256, unit: "threads"))
    }

    /// The `batch:` size, which must fit the training part.
    static func batchSize(_ call: BuiltinCall, trainCount: Int) throws -> Int {
        let batch = try bounded(call, "batch", 1...1_000_000, unit: "samples")
        guard batch <= trainCount else {
            throw BuiltinError("batch \(batch) is larger than the training part (\(trainCount) samples), so no step would run", argument: "batch")
        }
        return batch
    }

    /// The `lr:` argument, a positive learning rate.
    static func learningRate(_ call: BuiltinCall) throws -> Double {
        let lr = try call.double("lr")
        guard lr > 0, lr.isFinite else {
            throw BuiltinError("lr must be a positive learning rate, got \(try call.quantity("lr").description)", argument: "lr")
        }
        return lr
    }

    /// The schedule settings: epochs between step decays, the decay factor and warm-up epochs.
    private static func scheduleSettings(_ call: BuiltinCall, epochs: Int) throws -> (stepEvery: Int, gamma: Double, warmup: Int) {
        let stepEvery = try call.isNone("step_every") ? max(1, epochs / 3) : bounded(call, "step_every", 1...100_000, unit: "epochs")
        let gamma = try call.double("gamma")
        guard gamma > 0, gamma <= 1 else { throw BuiltinError("gamma must be in (0, 1], got \(gamma)", argument: "gamma") }
        return (stepEvery, gamma, try bounded(call, "warmup", 0...100_000, unit: "epochs"))
    }

    /// The `fidelity:` training fraction, in (0, 1].
    private static func fraction(_ call: BuiltinCall) throws -> Double {
        let f = try call.double("fidelity")
        guard f > 0, f <= 1 else {
            throw BuiltinError("fidelity must be a fraction of the training part in (0, 1], got \(f)", argument: "fidelity")
        }
        return f
    }

    /// A whole-number argument within `range`.
    static func bounded(_ call: BuiltinCall, _ name: String, _ range: ClosedRange<Int>, unit: String) throws -> Int {
        let n = try call.int(name)
        guard range.contains(n) else {
            throw BuiltinError("\(name) must be \(range.lowerBound)…\(range.upperBound) \(unit), got \(n)", argument: name)
        }
        return n
    }

    /// An optional whole-number argument that must be at least 1.
    private static func positive(_ call: BuiltinCall, _ name: String) throws -> Int? {
        guard let n = try call.optionalInt(name) else { return nil }
        guard n >= 1 else { throw BuiltinError("\(name) must be 1 or more, got \(n)", argument: name) }
        return n
    }

    /// A list argument of positive whole numbers.
    private static func positiveList(_ call: BuiltinCall, _ name: String) throws -> [Int] {
        try call.list(name).map { item in
            guard case .number(let q) = item, q.dimension == .scalar, q.value == q.value.rounded(), q.value >= 1, q.value < 1e9 else {
                throw BuiltinError("\(name) must be a list of positive whole numbers, but one item is \(item.kindDescription)", argument: name)
            }
            return Int(q.value)
        }
    }

    /// An unknown name among the accepted ones, with a "did you mean".
    private static func unknown(_ parameter: String, _ name: String, among names: [String]) -> BuiltinError {
        BuiltinError("there is no \(parameter) '\(name)'\(Spelling.didYouMean(name, among: names)) (choose \(names.joined(separator: ", ")))",
                     argument: parameter)
    }

    /// Runs data loading, turning a data-file error into a `BuiltinError` at the argument that
    /// names the file, else at `argument`.
    private static func blamingData<T>(_ call: BuiltinCall, _ argument: String, _ work: () throws -> T) throws -> T {
        do { return try work() } catch let error as DatasetError {
            let files = ["csv", "idx", "npy", "labels", "valid", "test", "valid_labels", "test_labels"]
            let blamed = files.first { partPath(call, $0) == error.file } ?? argument
            throw BuiltinError(error.description, argument: blamed, cause: error)
        }
    }
}
