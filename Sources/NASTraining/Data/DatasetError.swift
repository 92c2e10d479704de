import NASCore

/// Why a data file could not be used, naming the file.
public struct DatasetError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file (or built-in dataset) at fault.
    public let file: String
    /// What is wrong with it, in words.
    public let reason: String
    /// Whether the file does not exist or cannot be read at all (rather than holding the wrong data).
    public let isUnreadableFile: Bool

    /// Creates an error about a file's contents.
    public init(file: String, _ reason: String) {
        self.file = file
        self.reason = reason
        isUnreadableFile = false
    }

    /// Creates an error about a file that does not exist or cannot be read.
    public init(unreadable file: String, _ reason: String) {
        self.file = file
        self.reason = reason
        isUnreadableFile = true
    }

    /// `file: reason`.
    public var description: String { "\(file): \(reason)" }
}

extension DatasetError: InputFileFailure {}
