import Foundation
import NASBenchmarks
import NASCore
import NASHardware
import NASSpaces
import NASTraining

extension EvaluationDescription {
    /// An evaluator by kind and settings.
    public struct EvaluatorPart: Codable, Sendable, Hashable {
        /// `nb201` (the table), `train` (training on a data set), `latency` (a shipped device latency table),
        /// `measure` (naslab's engine timed on the worker's machine), `energy` (the energy model), `nearest`
        /// (its one part at the nearest available epochs) or `combined` (a list of evaluators whose metrics are merged).
        public var kind: String
        /// The NB201 table's settings.
        public var dataset: String?
        public var epochs: Int?
        public var metric: String?
        public var trial: String?
        /// The training data set and recipe.
        public var data: DataPart?
        public var config: TrainingConfig?
        /// A shipped latency table: its space and device column (`1080ti_32`); a measured one: the device's kind (`naslab`, `onnxruntime`).
        public var space: String?
        public var device: String?
        /// A measured latency's threads, timing settings, input and batch.
        public var threads: Int?
        public var timing: MeasurementSettings?
        public var input: TensorShape?
        public var batch: Int?
        /// The energy model's costs.
        public var energy: EnergyModel?
        /// The epochs a `nearest` evaluator answers at.
        public var available: [Int]?
        /// The evaluators whose metrics a `combined` one merges (a `nearest` one: its base, alone).
        public var parts: [EvaluatorPart]?
    }

    /// A data set by name (built-in) or files, split and seed, with the digest of its contents.
    public struct DataPart: Codable, Sendable, Hashable {
        /// The built-in set's name (`digits`), or the files' data set's name.
        public var builtin: String
        /// The files and split it was read from (nil: a built-in set).
        public var files: DataOrigin?
        /// The samples of each part.
        public var train: Int
        public var valid: Int
        public var test: Int
        /// The seed of the split.
        public var seed: UInt64
        /// SHA-256 of the parts' labels and the first 256 samples' values of each part (`contentDigest`).
        public var content: String
    }
}

extension EvaluationDescription.EvaluatorPart {
    /// The description of `evaluator`, or nil when it cannot be rebuilt elsewhere to give the same results.
    public init?(describing evaluator: any Evaluator) {
        guard let part = Self.settings(of: evaluator) else { return nil }
        self = part
    }

    private static func settings(of evaluator: any Evaluator) -> Self? {
        switch evaluator {
        case let e as NB201Evaluator:
            return Self(kind: "nb201", dataset: e.dataset.rawValue, epochs: e.epochs, metric: e.metric.rawValue, trial: e.trial.rawValue)
        case let e as LatencyEvaluator: return shippedLatency(e)
        case let e as CombinedEvaluator:
            let parts = e.parts.compactMap(Self.init(describing:))
            return parts.count == e.parts.count ? Self(kind: "combined", parts: parts) : nil
        case let e as TrainingEvaluator: return training(e)
        case let e as MeasuredLatencyEvaluator: return measured(e)
        case let e as EnergyEvaluator: return Self(kind: "energy", input: e.input, energy: e.model)
        case let e as NearestFidelityEvaluator:
            return Self(describing: e.base).map { Self(kind: "nearest", available: e.available, parts: [$0]) }
        default: return nil
        }
    }

    /// A shipped table only: rebuilt by space and device, the same table (name and size) must come back.
    private static func shippedLatency(_ e: LatencyEvaluator) -> Self? {
        guard let shipped = try? EvaluatorCatalogue.latency(device: e.table.device, space: e.table.space),
              shipped.name == e.table.name, shipped.count == e.table.count else { return nil }
        return Self(kind: "latency", space: e.table.space, device: e.table.device)
    }

    /// Training on a built-in set or on files, the data named by its content.
    private static func training(_ e: TrainingEvaluator) -> Self? {
        let data = e.dataset
        guard data.origin != nil || DatasetCatalogue.builtinNames.contains(data.name) else { return nil }
        let part = EvaluationDescription.DataPart(builtin: data.name, files: data.origin, train: data.train.count,
                                                  valid: data.valid.count, test: data.test.count, seed: data.seed,
                                                  content: EvaluationDescription.contentDigest(data))
        return Self(kind: "train", data: part, config: e.config)
    }

    /// A device of a kind every worker can make (`DeviceKind`: naslab's engine, onnxruntime), measured on the worker's machine.
    private static func measured(_ e: MeasuredLatencyEvaluator) -> Self? {
        let kind: DeviceKind
        switch e.device {
        case is EngineDevice: kind = .naslab
        case is OnnxRuntimeDevice: kind = .onnxruntime
        default: return nil
        }
        return Self(kind: "measure", device: kind.rawValue, threads: e.device.threads, timing: e.settings, input: e.input, batch: e.batch)
    }
}

extension EvaluationDescription.EvaluatorPart {
    /// The evaluator this describes, built as the front ends build it.
    public func rebuild() throws -> any Evaluator {
        switch kind {
        case "nb201":
            return try EvaluatorCatalogue.nb201(dataset: dataset ?? "cifar10", epochs: epochs ?? 200, metric: metric ?? "valid",
                                                trial: trial ?? "mean")
        case "train": return try rebuildTraining()
        case "latency":
            return EvaluatorCatalogue.evaluator(try EvaluatorCatalogue.latency(device: try required(device, "device"),
                                                                               space: try required(space, "space")))
        case "measure":
            let device = try DeviceKind(named: try required(device, "device")).device(threads: threads ?? 1)
            return try MeasuredLatencyEvaluator(device: device, settings: timing ?? .standard, input: input, batch: batch ?? 1)
        case "energy": return try EnergyEvaluator(model: energy ?? EnergyModel(), input: input)
        case "nearest":
            guard let base = parts?.first else { throw WorkerError.cannotRebuild("a nearest-fidelity description needs its base") }
            return NearestFidelityEvaluator(try base.rebuild(), available: try required(available, "available epochs"))
        case "combined": return CombinedEvaluator(try (parts ?? []).map { try $0.rebuild() })
        default: throw WorkerError.cannotRebuild("this naslab does not know the evaluator kind '\(kind)'")
        }
    }

    /// Training on the described data, refused when the data loaded here has other contents.
    private func rebuildTraining() throws -> any Evaluator {
        let data = try required(data, "data"), config = try required(config, "config")
        let dataset: Dataset
        if let files = data.files {
            dataset = try files.load()
        } else {
            let split = DatasetCatalogue.Split(train: data.train, valid: data.valid, test: data.test, seed: data.seed)
            dataset = try DatasetCatalogue.builtin(data.builtin, split: split)
        }
        guard EvaluationDescription.contentDigest(dataset) == data.content else {
            throw WorkerError.cannotRebuild("the data set \(data.builtin) loaded here differs from the run's (content digest)")
        }
        return DatasetCatalogue.trainer(dataset, config: config)
    }

    private func required<T>(_ value: T?, _ field: String) throws -> T {
        guard let value else { throw WorkerError.cannotRebuild("a \(kind) evaluator's description needs its \(field)") }
        return value
    }
}
