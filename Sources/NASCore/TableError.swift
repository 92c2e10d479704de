/// A table verb that cannot run on this table: a missing column, a bad value.
public struct TableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in the user's terms.
    public let message: String

    /// Creates an error with a message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }

    /// A column that does not exist, with the columns that do and the closest one.
    public static func unknownColumn(_ name: String, in columns: [String]) -> TableError {
        let hint = Spelling.didYouMean(name, among: columns)
        let list = columns.isEmpty ? "it has no columns" : "columns: " + columns.joined(separator: ", ")
        return TableError("no column '\(name)' in this table\(hint) (\(list))")
    }
}
