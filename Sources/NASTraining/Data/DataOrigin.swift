import Foundation

/// Where a data set read from files came from: its format, files and split, enough to read it again.
///
/// A queue worker in another process rebuilds a training evaluator from this (paths made absolute when
/// the data set was read, so a worker started elsewhere on a shared file system finds the same files);
/// the description's content digest then checks that the files still hold the same samples.
public struct DataOrigin: Sendable, Hashable, Codable {
    /// The files' format.
    public var format: DataFormat
    /// The training file, and the separate validation and test files when there were any.
    public var trainFile: DataFile
    public var validFile: DataFile?
    public var testFile: DataFile?
    /// The classes given (nil: inferred from the labels).
    public var classes: Int?
    /// The split asked for: samples of each part (nil: the default) and the seed.
    public var train: Int?
    public var valid: Int?
    public var test: Int?
    public var seed: UInt64

    /// Reads the data set again, as `Dataset.files` first read it.
    public func load() throws -> Dataset {
        try Dataset.files(format, trainFile: trainFile, validFile: validFile, testFile: testFile, classes: classes,
                          train: train, valid: valid, test: test, seed: seed)
    }

    /// The file with its paths made absolute against the current directory.
    static func absolute(_ file: DataFile) -> DataFile {
        DataFile(absolute(file.path), labels: file.labels.map(absolute))
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
