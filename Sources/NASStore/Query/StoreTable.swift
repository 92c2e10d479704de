/// Which table of the store a query reads.
public enum StoreTable: Sendable, Hashable {
    /// The trials of one run, or of every run when nil.
    case trials(run: Int64?)
    /// The runs.
    case runs
    /// The entries of the latest latency table of this name.
    case latency(String)
}
