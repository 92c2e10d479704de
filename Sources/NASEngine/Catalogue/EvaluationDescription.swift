import Foundation
import NASCore
import NASTraining

/// A run's space and evaluator as a versioned JSON description, from which a queue worker in any process
/// rebuilds them (`EvaluatorCatalogue.describe` and `rebuild`).
///
/// Version 1 describes the NAS-Bench-201 space (`{"kind":"nb201","channels":16,"cells":5}`), the
/// NAS-Bench-201 table evaluator (`{"kind":"nb201","dataset":"cifar10","epochs":200,"metric":"valid",
/// "trial":"mean"}`) and training on a built-in data set (`{"kind":"train","data":{"builtin":"digits",
/// "train":…,"valid":…,"test":…,"seed":1,"content":"<sha256>"},"config":{…}}`), the data set named by
/// its content identity: a worker that loads different data refuses to evaluate; a shipped device latency table
/// (`{"kind":"latency","space":"nb201","device":"pixel3"}`) and a list of describable evaluators
/// (`{"kind":"combined","parts":[…]}`) too. Anything else (a user's CSV table, a closure) has no description, and its runs can be evaluated by in-process workers only.
public struct EvaluationDescription: Codable, Sendable, Hashable {
    /// The format's version; a worker refuses a description of a later one.
    public static let currentVersion = 1

    /// The version the description was written in.
    public var version: Int
    /// The search space.
    public var space: SpacePart
    /// The evaluator.
    public var evaluator: EvaluatorPart

    /// A search space by kind and settings.
    public struct SpacePart: Codable, Sendable, Hashable {
        /// `nb201`.
        public var kind: String
        /// The NB201 skeleton's channels and cells per stage.
        public var channels: Int?
        public var cells: Int?
    }

    /// An evaluator by kind and settings.
    public struct EvaluatorPart: Codable, Sendable, Hashable {
        /// `nb201` (the table), `train` (training on a built-in data set), `latency` (a shipped device latency
        /// table) or `combined` (a list of evaluators whose metrics are merged).
        public var kind: String
        /// The NB201 table's settings.
        public var dataset: String?
        public var epochs: Int?
        public var metric: String?
        public var trial: String?
        /// The training data set and recipe.
        public var data: DataPart?
        public var config: TrainingConfig?
        /// A shipped latency table: its space and device column (`1080ti_32`).
        public var space: String?
        public var device: String?
        /// The evaluators whose metrics a `combined` one merges.
        public var parts: [EvaluatorPart]?
    }

    /// A built-in data set by name, split and seed, with the digest of its contents.
    public struct DataPart: Codable, Sendable, Hashable {
        /// The built-in set's name (`digits`).
        public var builtin: String
        /// The samples of each part.
        public var train: Int
        public var valid: Int
        public var test: Int
        /// The seed of the split.
        public var seed: UInt64
        /// SHA-256 of the parts' labels and the first 256 samples' values of each part (`contentDigest`).
        public var content: String
    }

    /// The description as JSON text (keys sorted, so equal descriptions are equal text).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// Reads a description from its JSON text.
    public init(json: String) throws {
        do {
            self = try JSONDecoder().decode(EvaluationDescription.self, from: Data(json.utf8))
        } catch {
            throw WorkerError.cannotRebuild("the stored description is not valid: \(error)")
        }
        guard version <= Self.currentVersion else {
            throw WorkerError.cannotRebuild("the description is of version \(version); this naslab reads up to \(Self.currentVersion)")
        }
    }

    /// A description of the current version.
    init(space: SpacePart, evaluator: EvaluatorPart) {
        version = Self.currentVersion
        self.space = space
        self.evaluator = evaluator
    }

    /// The content identity of a data set: SHA-256 over each part's count, its labels and the values of its
    /// first 256 samples, as stored in memory (little-endian on every machine naslab runs on): enough to tell
    /// another draw, another split or another file, and cheap even for large sets.
    static func contentDigest(_ data: Dataset) -> String {
        var bytes: [UInt8] = []
        for part in [data.train, data.valid, data.test] {
            withUnsafeBytes(of: Int64(part.count).littleEndian) { bytes.append(contentsOf: $0) }
            part.labels.withUnsafeBytes { bytes.append(contentsOf: $0) }
            part.values.prefix(256 * part.sampleSize).withUnsafeBytes { bytes.append(contentsOf: $0) }
        }
        return NASCore.SHA256.digest(bytes).map { String(format: "%02x", $0) }.joined()
    }
}
