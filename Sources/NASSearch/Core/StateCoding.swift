import Foundation

/// Turns a strategy's `Codable` state into checkpoint bytes and back.
///
/// The bytes are JSON so a checkpoint stored by one build can be read by the next; a
/// checkpoint of another strategy is refused with a message that names both.
enum StateCoding {
    /// The wrapper written to disk: the strategy's name and its state.
    private struct Envelope<State: Codable>: Codable {
        var strategy: String
        var state: State
    }

    /// Encodes `state` for `strategy`.
    static func encode<State: Codable>(_ state: State, strategy: String) throws -> Data {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(Envelope(strategy: strategy, state: state))
    }

    /// Decodes a state written by `encode` for the same strategy.
    static func decode<State: Codable>(_ type: State.Type, from data: Data, strategy: String) throws -> State {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let envelope: Envelope<State>
        do {
            envelope = try decoder.decode(Envelope<State>.self, from: data)
        } catch {
            throw StrategyError("the checkpoint is not a valid \(strategy) state: \(error)")
        }
        guard envelope.strategy == strategy else {
            throw StrategyError("the checkpoint belongs to strategy '\(envelope.strategy)', not '\(strategy)'")
        }
        return envelope.state
    }
}
