/// Something that yields a table and may run pipeline steps itself (a database, a file).
///
/// The language keeps tables as sources. For each verb it calls `apply`; a source that can
/// do the step (for example by adding to an SQL query) returns a new source, and one that
/// cannot returns nil, after which the language materialises the rows and runs the step in
/// memory with `Table.applying`. An in-memory `Table` is itself a source that runs every step.
public protocol TableSource: Sendable {
    /// The column names, in order.
    var columns: [String] { get }
    /// Runs one step and returns the resulting source, or nil to fall back to memory.
    func apply(_ op: TableOp) throws -> (any TableSource)?
    /// The rows, in memory.
    func materialize() throws -> Table
}

extension Table: TableSource {
    /// Runs the step in memory; never nil.
    public func apply(_ op: TableOp) throws -> (any TableSource)? { try applying(op) }

    /// The table itself.
    public func materialize() throws -> Table { self }
}

extension TableSource {
    /// Runs a step here if the source can, else in memory on its rows.
    public func applyingOrMaterializing(_ op: TableOp) throws -> any TableSource {
        if let pushed = try apply(op) { return pushed }
        return try materialize().applying(op)
    }
}
