import Foundation
import NASCore
import NASTraining

/// A run's space and evaluator as a versioned JSON description, from which a queue worker in any process
/// rebuilds them (`EvaluatorCatalogue.describe` and `rebuild`).
///
/// The space (`SpacePart`) is described by the settings it was built with, for every space of the
/// catalogue, composed and profiled spaces too, with a fingerprint of its decisions. The evaluator
/// (`EvaluatorPart`) is described when it can be rebuilt to give the same results: the NAS-Bench-201
/// table, training on a built-in data set or on a user's files (named by their content identity: a
/// worker whose data differs refuses to evaluate), a shipped device latency table, naslab's engine
/// measured on the worker's machine, the energy model, an evaluator at its nearest available fidelity,
/// and lists of these. Anything else (a user's CSV table, a fitted predictor, a supernet) has no
/// description, and its runs are evaluated by in-process workers only. Version 2 added everything but
/// the NB201 space, the NB201 table, built-in training and shipped latency tables.
public struct EvaluationDescription: Codable, Sendable, Hashable {
    /// The format's version; a worker refuses a description of a later one.
    public static let currentVersion = 2

    /// The version the description was written in.
    public var version: Int
    /// The search space.
    public var space: SpacePart
    /// The evaluator.
    public var evaluator: EvaluatorPart

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
