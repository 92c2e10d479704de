import NASCore

/// Why a data file could not be used, naming the file.
public struct DatasetError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file (or built-in dataset) at fault.
    public let file: String
    /// What is wrong with it, in words.
    public let reason: String

    /// Creates an error.
    public init(file: String, _ reason: String) {
        self.file = file
        self.reason = reason
    }

    /// `file: reason`.
    public var description: String { "\(file): \(reason)" }
}

extension DatasetError: InputFileFailure {
    /// A data file that does not exist or cannot be read.
    public var isUnreadableFile: Bool { reason.hasPrefix("no such file") || reason.hasPrefix("cannot be read") }
}
