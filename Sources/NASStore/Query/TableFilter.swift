import NASCore

/// The condition of a `where` step: comparisons of a column with a constant, combined.
public indirect enum TableFilter: Sendable, Hashable {
    /// `column op value`; a `.null` value only with `==` / `!=` (is / is not missing).
    case compare(String, ComparisonOperator, Cell)
    /// Both hold.
    case and(TableFilter, TableFilter)
    /// Either holds.
    case or(TableFilter, TableFilter)
    /// It does not hold.
    case not(TableFilter)

    /// Every column the condition reads.
    public var columns: [String] {
        switch self {
        case .compare(let column, _, _): return [column]
        case .and(let a, let b), .or(let a, let b): return a.columns + b.columns
        case .not(let a): return a.columns
        }
    }
}
