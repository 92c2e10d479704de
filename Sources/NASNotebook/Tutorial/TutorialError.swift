/// A tutorial that cannot be read or a progress file that cannot be kept.
public struct TutorialError: Error, CustomStringConvertible, Equatable {
    /// What went wrong.
    public var description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
