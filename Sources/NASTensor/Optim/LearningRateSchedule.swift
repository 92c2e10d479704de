import Foundation

/// How the learning rate changes over training, as a function of the step.
public enum LearningRateSchedule: Sendable, Hashable, Codable {
    /// The base rate throughout.
    case constant
    /// Cosine annealing from the base rate to `minimum` over all steps.
    case cosine(minimum: Double)
    /// Multiply by `gamma` every `every` steps.
    case step(every: Int, gamma: Double)
    /// Linear warm-up from 0 over `steps` steps, then the inner schedule over the rest.
    indirect case warmup(steps: Int, then: LearningRateSchedule)

    /// The rate at `step` (0-based) of `totalSteps`, for base rate `base`.
    public func rate(base: Double, step: Int, totalSteps: Int) -> Double {
        switch self {
        case .constant:
            return base
        case .cosine(let minimum):
            let t = Double(step) / Double(max(totalSteps, 1))
            return minimum + (base - minimum) * (1 + Foundation.cos(Double.pi * min(t, 1))) / 2
        case .step(let every, let gamma):
            return base * Foundation.pow(gamma, Double(step / max(every, 1)))
        case .warmup(let warm, let inner):
            if step < warm { return base * Double(step + 1) / Double(warm) }
            return inner.rate(base: base, step: step - warm, totalSteps: max(totalSteps - warm, 1))
        }
    }
}
