import NASBenchmarks
import NASCore
import NASSpaces
import NASTraining

/// Describing a run's space and evaluator for queue workers, and rebuilding them from that description.
extension EvaluatorCatalogue {
    /// The description of a space and evaluator (`EvaluationDescription`), or nil when either cannot be described.
    public static func describe(space: any SearchSpace, evaluator: any Evaluator) -> EvaluationDescription? {
        guard let spacePart = describe(space), let evaluatorPart = describe(evaluator) else { return nil }
        return EvaluationDescription(space: spacePart, evaluator: evaluatorPart)
    }

    /// The space and evaluator a description names, built as the front ends build them; throws
    /// `WorkerError.cannotRebuild` with the reason when that is not possible here.
    public static func rebuild(_ description: EvaluationDescription) throws -> (space: any SearchSpace, evaluator: any Evaluator) {
        do {
            return (try rebuild(description.space), try rebuild(description.evaluator))
        } catch let error as WorkerError {
            throw error
        } catch {
            throw WorkerError.cannotRebuild("\(error)")
        }
    }

    private static func describe(_ space: any SearchSpace) -> EvaluationDescription.SpacePart? {
        guard let nb201 = space as? NB201Space else { return nil }
        return .init(kind: "nb201", channels: nb201.channels, cells: nb201.cellsPerStage)
    }

    private static func describe(_ evaluator: any Evaluator) -> EvaluationDescription.EvaluatorPart? {
        if let table = evaluator as? NB201Evaluator {
            return .init(kind: "nb201", dataset: table.dataset.rawValue, epochs: table.epochs, metric: table.metric.rawValue,
                         trial: table.trial.rawValue)
        }
        if let latency = evaluator as? LatencyEvaluator {
            // Shipped tables only: rebuilt by space and device, the same table (name and size) must come back.
            guard let shipped = try? self.latency(device: latency.table.device, space: latency.table.space),
                  shipped.name == latency.table.name, shipped.count == latency.table.count else { return nil }
            return .init(kind: "latency", space: latency.table.space, device: latency.table.device)
        }
        if let combined = evaluator as? CombinedEvaluator {
            let parts = combined.parts.compactMap { describe($0) }
            return parts.count == combined.parts.count ? .init(kind: "combined", parts: parts) : nil
        }
                if let training = evaluator as? TrainingEvaluator, DatasetCatalogue.builtinNames.contains(training.dataset.name) {
            let data = training.dataset
            let part = EvaluationDescription.DataPart(builtin: data.name, train: data.train.count, valid: data.valid.count,
                                                      test: data.test.count, seed: data.seed,
                                                      content: EvaluationDescription.contentDigest(data))
            return .init(kind: "train", data: part, config: training.config)
        }
        return nil
    }

    private static func rebuild(_ part: EvaluationDescription.SpacePart) throws -> any SearchSpace {
        switch part.kind {
        case "nb201": return try SpaceCatalogue.nb201(channels: part.channels ?? 16, cells: part.cells ?? 5)
        default: throw WorkerError.cannotRebuild("this naslab does not know the space kind '\(part.kind)'")
        }
    }

    private static func rebuild(_ part: EvaluationDescription.EvaluatorPart) throws -> any Evaluator {
        switch part.kind {
        case "nb201":
            return try nb201(dataset: part.dataset ?? "cifar10", epochs: part.epochs ?? 200, metric: part.metric ?? "valid",
                             trial: part.trial ?? "mean")
        case "train":
            guard let data = part.data, let config = part.config else {
                throw WorkerError.cannotRebuild("a training evaluator's description needs its data and config")
            }
            let split = DatasetCatalogue.Split(train: data.train, valid: data.valid, test: data.test, seed: data.seed)
            let dataset = try DatasetCatalogue.builtin(data.builtin, split: split)
            guard EvaluationDescription.contentDigest(dataset) == data.content else {
                throw WorkerError.cannotRebuild("the data set \(data.builtin) loaded here differs from the run's (content digest)")
            }
            return DatasetCatalogue.trainer(dataset, config: config)
        case "latency":
            guard let space = part.space, let device = part.device else {
                throw WorkerError.cannotRebuild("a latency table's description needs its space and device")
            }
            return evaluator(try latency(device: device, space: space))
        case "combined":
            return CombinedEvaluator(try (part.parts ?? []).map { try rebuild($0) })
        default:
            throw WorkerError.cannotRebuild("this naslab does not know the evaluator kind '\(part.kind)'")
        }
    }
}
