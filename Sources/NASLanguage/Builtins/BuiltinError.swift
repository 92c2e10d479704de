import NASCore

/// An error a builtin raises for bad arguments or failed engine work, shown at the call.
public struct BuiltinError: Error, CustomStringConvertible {
    /// What went wrong, in the user's terms.
    public var message: String
    /// The argument at fault, if one is (the caret then points at it).
    public var argument: String?
    /// Whether an input file was missing or unreadable (a script then exits 66, not 65).
    public var isInputMissing = false

    /// Creates an error, optionally blaming one argument; `cause`, the lower layer's error it
    /// reports, tells whether an input file was missing.
    public init(_ message: String, argument: String? = nil, cause: (any Error)? = nil) {
        self.message = message
        self.argument = argument
        self.isInputMissing = (cause as? any InputFileFailure)?.isUnreadableFile ?? false
    }

    /// The message.
    public var description: String { message }
}
