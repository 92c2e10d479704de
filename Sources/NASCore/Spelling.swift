/// "Did you mean …" suggestions: the closest known name to a misspelt one.
public enum Spelling {
    /// The Levenshtein edit distance between two strings (insertions, deletions, substitutions).
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The candidate closest to `name`, if it is close enough to be a plausible typo.
    ///
    /// Close enough means at most a third of the name's length in edits (at least 1, at most 3),
    /// or the same letters ignoring case.
    public static func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, min(3, name.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let d = distance(name, candidate)
            guard d <= limit else { continue }
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        return best?.name
    }

    /// `"; did you mean 'x'?"` when there is a close candidate, else the empty string.
    public static func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String {
        guard let s = suggestion(for: name, among: candidates) else { return "" }
        return "; did you mean '\(s)'?"
    }
}
