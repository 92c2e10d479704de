import NASSpaces

/// Describing a run's space and evaluator for queue workers, and rebuilding them from that description.
extension EvaluatorCatalogue {
    /// The description of a space and evaluator (`EvaluationDescription`), or nil when either cannot be described.
    public static func describe(space: any SearchSpace, evaluator: any Evaluator) -> EvaluationDescription? {
        guard let spacePart = EvaluationDescription.SpacePart(describing: space),
              let evaluatorPart = EvaluationDescription.EvaluatorPart(describing: evaluator) else { return nil }
        return EvaluationDescription(space: spacePart, evaluator: evaluatorPart)
    }

    /// The space and evaluator a description names, built as the front ends build them; throws
    /// `WorkerError.cannotRebuild` with the reason when that is not possible here.
    public static func rebuild(_ description: EvaluationDescription) throws -> (space: any SearchSpace, evaluator: any Evaluator) {
        do {
            return (try description.space.rebuild(), try description.evaluator.rebuild())
        } catch let error as WorkerError {
            throw error
        } catch {
            throw WorkerError.cannotRebuild("\(error)")
        }
    }
}
