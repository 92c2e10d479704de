/// The metric names each run's trials have, gathered while inserting many trials.
///
/// Trials of a run mostly share a few sets of metric names, so each distinct (run, sorted
/// names) pair is kept once and compared by plain string equality instead of hashing every
/// name of every trial into a set. Past `limit` distinct pairs, names go straight into sets.
struct MetricNameTally {
    /// Distinct (run, sorted names) pairs seen.
    private var signatures: [(run: Int64, names: [String])] = []
    /// Names of runs gathered without signatures (once there are too many of them).
    private var overflow: [Int64: Set<String>] = [:]
    /// The most distinct signatures kept before falling back to sets.
    private let limit = 64

    /// Creates an empty tally.
    init() {}

    /// Notes the metrics of one trial of `run`, as `StoreJSON.sortedPairs` orders them.
    mutating func note(run: Int64, sortedPairs pairs: [(key: String, value: Double)]) {
        if pairs.isEmpty { return }
        for signature in signatures where signature.run == run && signature.names.elementsEqual(pairs.lazy.map(\.key)) {
            return
        }
        if signatures.count < limit {
            signatures.append((run, pairs.map(\.key)))
        } else {
            overflow[run, default: []].formUnion(pairs.lazy.map(\.key))
        }
    }

    /// Every run's metric names.
    var namesByRun: [Int64: Set<String>] {
        var names = overflow
        for signature in signatures { names[signature.run, default: []].formUnion(signature.names) }
        return names
    }
}
