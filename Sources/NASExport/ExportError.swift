/// An export that cannot be written: an unknown file type, a network naslab cannot export, a
/// file that cannot be written, a missing Graphviz.
public struct ExportError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, for the user.
    public let description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
