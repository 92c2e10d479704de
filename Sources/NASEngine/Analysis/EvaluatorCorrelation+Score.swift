import NASCore
import NASSpaces

extension EvaluatorCorrelation {
    /// One side of a correlation: an evaluator and the metric read from its results.
    struct Score {
        /// Which of the two evaluators, for errors.
        enum Role: CustomStringConvertible {
            case first, second

            var description: String { self == .first ? "first" : "second" }

            /// An error blaming this evaluator.
            func error(_ message: String) -> CorrelationError {
                self == .first ? .first(message) : .second(message)
            }
        }

        let evaluator: any Evaluator
        let metric: String
        let role: Role

        init(_ evaluator: any Evaluator, metric: String, role: Role) {
            self.evaluator = evaluator
            self.metric = metric
            self.role = role
        }

        /// The metric for one architecture; an evaluation that fails or lacks the metric is an error naming both.
        func of(_ architecture: Architecture, in space: any SearchSpace, seed: UInt64, cancel: CancellationToken) throws -> Double {
            let name = space.canonical(architecture)
            let result: TrialResult
            do {
                result = try EvaluatorCatalogue.evaluate(evaluator, architecture, in: space, seed: seed, cancel: cancel)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                throw role.error("the \(role) evaluator, \(evaluator.descriptor), cannot evaluate \(name): \(error)")
            }
            if result.status == .cancelled { throw CancellationError() }
            if result.status == .failed {
                throw role.error("the \(role) evaluator, \(evaluator.descriptor), failed on \(name): \(result.error ?? "no reason given")")
            }
            guard let value = result.value(of: metric) else {
                let given = MetricCatalogue.ordered(result.metrics.keys).joined(separator: ", ")
                throw CorrelationError.metric("the \(role) evaluator, \(evaluator.descriptor), gives no metric '\(metric)' for \(name) "
                    + "(it gives \(given))\(Spelling.didYouMean(metric, among: result.metrics.keys))")
            }
            guard value.isFinite else {
                throw CorrelationError.metric("the \(role) evaluator gives \(name) a \(metric) of \(value), which cannot be ranked")
            }
            return value
        }
    }
}
