import NASCore

/// A table as the language holds it: a source that may run pipeline steps itself.
public struct TableValue {
    /// Where the rows come from.
    public var source: any TableSource

    /// Wraps a source (an in-memory `Table` or a store-backed one).
    public init(_ source: any TableSource) { self.source = source }

    /// The column names.
    public var columns: [String] { source.columns }

    /// The rows in memory.
    public func materialize() throws -> Table { try source.materialize() }
}
