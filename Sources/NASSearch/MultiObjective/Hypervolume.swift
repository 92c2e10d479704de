/// The hypervolume of a front: the area (2-D) dominated by the front and bounded by a reference point.
///
/// The standard measure of a Pareto front's quality (Zitzler & Thiele 1998): larger is better,
/// and it grows whenever a point is added that is not dominated. Both objectives are
/// "higher is better"; points that do not strictly dominate the reference add nothing.
public enum Hypervolume {
    /// The area dominated by `points` (each `[x, y]`) above and to the right of `reference`.
    public static func twoDimensional(_ points: [[Double]], reference: [Double]) -> Double {
        let useful = points.filter { $0.count == 2 && $0[0] > reference[0] && $0[1] > reference[1] && $0.allSatisfy(\.isFinite) }
        // Sweep from the largest x down; each point adds the strip above the highest y seen so far.
        let sorted = useful.sorted { $0[0] != $1[0] ? $0[0] > $1[0] : $0[1] > $1[1] }
        var area = 0.0
        var highest = reference[1]
        for p in sorted where p[1] > highest {
            area += (p[0] - reference[0]) * (p[1] - highest)
            highest = p[1]
        }
        return area
    }
}
