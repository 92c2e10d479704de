/// "Did you mean …" suggestions: the closest known name to a misspelt one.
///
/// The one suggestion function of naslab: every "did you mean" in every layer asks it.
public enum Spelling {
    /// The edit distance between two strings, ignoring case: insertions, deletions, substitutions,
    /// and swaps of two neighbouring letters (`nb210` is one edit from `nb201`).
    ///
    /// This is the "optimal string alignment" form of the Damerau–Levenshtein distance.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var beforePrevious = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[y.count]
    }

    /// The candidate closest to `name`, if it is close enough to be a plausible typo.
    ///
    /// Close enough means at most a third of the name's length in edits (at least 1, at most 3),
    /// or the same letters ignoring case. Failing that, a candidate that the name starts with
    /// (`lenght` → `len`), or one that starts with the name (`segm` → `segment`), is offered when
    /// the shorter of the two has at least two letters (`msec` → `ms`). Ties go to the alphabetically first.
    public static func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
        var best: (name: String, score: Int)?
        for candidate in candidates where candidate != name {
            guard let score = score(name, candidate) else { continue }
            if best == nil || score < best!.score || (score == best!.score && candidate < best!.name) {
                best = (candidate, score)
            }
        }
        return best?.name
    }

    /// `"; did you mean 'x'?"` when there is a close candidate, else the empty string.
    public static func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String {
        guard let s = suggestion(for: name, among: candidates) else { return "" }
        return "; did you mean '\(s)'?"
    }

    /// How far `candidate` is from `name` (smaller is closer), or nil when it is not plausible.
    ///
    /// Typos score their edit distance (1…3); prefix matches score after every typo, closer in
    /// length first.
    private static func score(_ name: String, _ candidate: String) -> Int? {
        let limit = max(1, min(3, name.count / 3))
        let edits = distance(name, candidate)
        if edits <= limit { return edits }
        let (shorter, longer) = name.count <= candidate.count ? (name, candidate) : (candidate, name)
        guard shorter.count >= 2, longer.lowercased().hasPrefix(shorter.lowercased()) else { return nil }
        return 10 + (longer.count - shorter.count)
    }
}
