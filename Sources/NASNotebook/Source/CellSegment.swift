/// A run of lines inside a cell: either prose (from comments) or code.
public enum CellSegment: Sendable, Equatable {
    /// Comment lines with the comment marker removed, joined by newlines.
    case prose(String)
    /// Source lines, joined by newlines, without leading or trailing blank lines.
    case code(String)
}
