/// What is wrong with a search request, by the part of it that is wrong.
public enum SearchRequestError: Error, CustomStringConvertible {
    /// The budget.
    case budget(String)
    /// The clock of a time budget.
    case clock(String)
    /// The early stopping.
    case earlyStopping(String)

    public var description: String {
        switch self {
        case .budget(let m), .clock(let m), .earlyStopping(let m): return m
        }
    }
}
