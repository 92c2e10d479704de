/// A problem with an architecture or a space definition, said in the user's terms.
public struct SpaceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and, where possible, which part of the input.
    public var message: String

    /// Creates an error with its message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
