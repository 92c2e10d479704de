/// An error that can mean an input file is missing or cannot be read at all, rather than that its
/// contents are wrong.
///
/// Error types for data files adopt it; a script stopped by such an error ends with exit status 66
/// (EX_NOINPUT, "input file missing or unreadable") instead of 65, as a missing script does.
public protocol InputFileFailure: Error {
    /// Whether the file could not be found or read.
    var isUnreadableFile: Bool { get }
}
