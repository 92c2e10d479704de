import NASCore
import NASSpaces
import NASTraining

/// What a one-shot method takes from the run's evaluator: the data and training recipe of its
/// `train(...)` part, and the other parts (a latency table) whose metrics each trial also records.
struct OneShotRecipe {
    /// The `train(...)` evaluator: the dataset and the recipe.
    let training: TrainingEvaluator
    /// The run's other evaluators.
    let companions: [any Evaluator]

    /// Finds the recipe in the run's evaluator (alone, or one of a list); `method` names the strategy in the error.
    init(_ evaluator: (any Evaluator)?, method: String) throws {
        let parts = (evaluator as? CombinedEvaluator)?.parts ?? evaluator.map { [$0] } ?? []
        guard let training = parts.lazy.compactMap({ $0 as? TrainingEvaluator }).first else {
            throw StrategyError("\(method) trains a supernet: give it data and a recipe with `using: train(data, epochs: …, batch: …)`")
        }
        self.training = training
        companions = parts.filter { !($0 is TrainingEvaluator) }
    }
}
