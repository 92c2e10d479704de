import NASCore
import NASSpaces

/// Samples architectures from an `LSTMController` for a space, keeping only valid members.
///
/// Spaces with structural constraints can reject a token string; the sampler then draws again
/// (a few times) and finally falls back to the space's own sampler, whose tokens the controller
/// is still trained on (teacher forcing), so every proposal is valid.
enum ControllerSampler {
    /// A valid architecture drawn from the controller.
    static func draw(_ controller: LSTMController, space: any SearchSpace, rng: inout SeededRandom) -> Architecture {
        for _ in 0..<10 {
            let tokens = controller.sample(using: &rng).tokens
            let candidate = Architecture(space: space.name, tokens: tokens)
            if (try? space.validate(candidate)) != nil { return candidate }
        }
        return space.sample(using: &rng)
    }

    /// The decisions' option counts, which shape a controller for the space.
    static func optionCounts(_ space: any SearchSpace) throws -> [Int] {
        let counts = space.decisions.map(\.count)
        guard !counts.isEmpty, counts.allSatisfy({ $0 >= 1 }) else {
            throw StrategyError("space '\(space.name)' has no decisions for a controller to choose")
        }
        return counts
    }
}
