/// One number per row of a `ResultTable` (each row's score under an objective, its simulated seconds).
///
/// The values belong to the table, which frees them when it goes: a column is a plain view (a
/// pointer and a count) and must not be read after its table is gone. Holding the table for as
/// long as its columns are read is the reader's part (`SearchLoop` keeps every table it reads in
/// its trial log).
public struct ResultColumn: @unchecked Sendable {
    /// The values, owned by the table.
    @usableFromInline let values: UnsafeMutablePointer<Double>
    /// The number of rows.
    public let count: Int

    /// A column of no rows, owned by no table.
    public static let empty = ResultColumn([])

    /// A column holding a copy of `values` (freed by the table that keeps it).
    init(_ values: [Double]) {
        count = values.count
        self.values = UnsafeMutablePointer<Double>.allocate(capacity: max(values.count, 1))
        self.values.initialize(from: values, count: values.count)
    }

    /// The value of row `row` (`0 <= row < count`).
    @inlinable public subscript(row: Int) -> Double {
        precondition(row >= 0 && row < count, "row \(row) out of range 0..<\(count)")
        return values[row]
    }

    /// Releases the values (only the owning table calls it, once).
    func free() { values.deallocate() }
}
