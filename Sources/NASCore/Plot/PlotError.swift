/// A plot that cannot be made from its data: a missing or non-numeric column, nothing to draw.
public struct PlotError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for the user.
    public let message: String

    /// An error with this message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
