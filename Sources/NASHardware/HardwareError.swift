/// A hardware-aware request that cannot be carried out, with a message for the user.
public struct HardwareError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in the user's terms.
    public let description: String

    /// Creates an error with its message.
    public init(_ description: String) { self.description = description }
}
