/// A store location that could not be understood.
public struct StoreLocationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in the user's terms (never with a password).
    public let description: String

    /// Creates the error.
    public init(_ description: String) { self.description = description }
}
