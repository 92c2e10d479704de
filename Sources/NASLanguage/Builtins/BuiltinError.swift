/// An error a builtin raises for bad arguments or failed engine work, shown at the call.
public struct BuiltinError: Error, CustomStringConvertible {
    /// What went wrong, in the user's terms.
    public var message: String
    /// The argument at fault, if one is (the caret then points at it).
    public var argument: String?

    /// Creates an error, optionally blaming one argument.
    public init(_ message: String, argument: String? = nil) {
        self.message = message
        self.argument = argument
    }

    /// The message.
    public var description: String { message }
}
