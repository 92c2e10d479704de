/// Splits a plan's kernel list between two threads, each running its kernels single-threaded
/// in list order and waiting only for the other thread's kernels it depends on.
///
/// A kernel depends on every earlier kernel that touches the same bytes when at least one of
/// the two writes them (a value it reads, a region it overwrites or accumulates into). Kernels
/// are placed in list order on the lane where they would finish first, by an estimate of their
/// cost; since every dependency points to an earlier kernel, the lanes cannot deadlock.
struct LaneSchedule {
    /// The lane (0: the calling thread, 1: the helper) of each kernel.
    let lane: [Int]
    /// For each kernel, the kernels on the other lane it must wait for.
    let waits: [[Int]]

    /// One kernel's memory accesses (byte ranges) and its estimated cost.
    struct Access {
        var reads: [Range<Int>]
        var writes: [Range<Int>]
        var cost: Double
    }

    /// Everything on lane 0, in order.
    static func sequential(_ count: Int) -> LaneSchedule {
        LaneSchedule(lane: [Int](repeating: 0, count: count), waits: [[Int]](repeating: [], count: count))
    }

    /// The two-lane schedule of kernels with `accesses`; `handoff` is the estimated cost of
    /// waiting for the other lane.
    static func twoLanes(_ accesses: [Access], handoff: Double) -> LaneSchedule {
        let n = accesses.count
        var deps = [[Int]](repeating: [], count: n)
        for s in 0..<n {
            for t in 0..<s where conflict(accesses[t], accesses[s]) { deps[s].append(t) }
        }
        var lane = [Int](repeating: 0, count: n), finish = [Double](repeating: 0, count: n)
        var free = [0.0, 0.0]
        for s in 0..<n {
            var best = (finish: Double.infinity, lane: 0)
            for l in 0..<2 {
                let ready = deps[s].reduce(0.0) { max($0, finish[$1] + (lane[$1] == l ? 0 : handoff)) }
                let end = max(ready, free[l]) + accesses[s].cost
                if end < best.finish { best = (end, l) }
            }
            lane[s] = best.lane
            finish[s] = best.finish
            free[best.lane] = best.finish
        }
        // Waiting for the latest dependency on the other lane covers the earlier ones there.
        let waits = (0..<n).map { s in
            deps[s].filter { lane[$0] != lane[s] }.max().map { [$0] } ?? []
        }
        return LaneSchedule(lane: lane, waits: waits)
    }

    private static func conflict(_ a: Access, _ b: Access) -> Bool {
        func overlaps(_ x: [Range<Int>], _ y: [Range<Int>]) -> Bool {
            x.contains { r in y.contains { $0.overlaps(r) } }
        }
        return overlaps(a.writes, b.writes) || overlaps(a.writes, b.reads) || overlaps(a.reads, b.writes)
    }

    /// Whether any kernel runs on the second lane.
    var usesBothLanes: Bool { lane.contains(1) }
}
