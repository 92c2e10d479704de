/// A problem with a strategy's settings, its space or a checkpoint, said in the user's terms.
public struct StrategyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and, where possible, which setting or input.
    public var message: String

    /// Creates an error with its message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
