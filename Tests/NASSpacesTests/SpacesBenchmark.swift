import Foundation
import NASCore
import Testing
@testable import NASSpaces

/// Timings for `scripts/bench.d/spaces.sh`; runs only with `NASLAB_BENCH=1` (timings never gate tests).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["NASLAB_BENCH"] == "1"))
struct SpacesBenchmark {
    static func report(_ what: String, items: Int, _ body: () throws -> Int) rethrows {
        let clock = ContinuousClock()
        var checksum = 0
        let elapsed = try clock.measure { checksum = try body() }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let perItem = seconds / Double(items) * 1e9
        print(String(format: "bench spaces %-28@ %9d items %9.3f s %10.1f ns/item (checksum %d)",
                     what as NSString, items, seconds, perItem, checksum))
    }

    @Test func nb201() throws {
        let space = NB201Space()
        let n = 1_000_000
        var rng = SeededRandom(seed: 1)
        var cells: [Architecture] = []
        cells.reserveCapacity(n)
        SpacesBenchmark.report("nb201.sample", items: n) {
            for _ in 0..<n { cells.append(space.sample(using: &rng)) }
            return cells.count
        }
        SpacesBenchmark.report("nb201.mutate", items: n) {
            var changed = 0
            for a in cells where space.mutate(a, using: &rng) != a { changed += 1 }
            return changed
        }
        var texts: [String] = []
        texts.reserveCapacity(n)
        SpacesBenchmark.report("nb201.canonical", items: n) {
            for a in cells { texts.append(space.canonical(a)) }
            return texts.count
        }
        try SpacesBenchmark.report("nb201.parse", items: n) {
            var sum = 0
            for t in texts { sum += try space.parse(t).tokens[5] }
            return sum
        }
        SpacesBenchmark.report("nb201.identity", items: n) {
            Set(cells.map(space.identity)).count
        }
        let all = try space.enumerate(limit: 15_625)
        try SpacesBenchmark.report("nb201.cost (all 15,625)", items: all.count) {
            var total = 0
            for a in all { total &+= try space.cost(a).params }
            return total
        }
    }

    @Test func otherSpaces() throws {
        for name in SpaceCatalogue.names where name != "nb201" {
            let space = try SpaceCatalogue.make(name)
            var rng = SeededRandom(seed: 2)
            let n = 10_000
            var samples: [Architecture] = []
            SpacesBenchmark.report("\(name).sample", items: n) {
                for _ in 0..<n { samples.append(space.sample(using: &rng)) }
                return samples.count
            }
            SpacesBenchmark.report("\(name).mutate", items: n) {
                samples.reduce(0) { $0 + (space.mutate($1, using: &rng) == $1 ? 0 : 1) }
            }
            try SpacesBenchmark.report("\(name).canonical+parse", items: n) {
                try samples.reduce(0) { $0 + (try space.parse(space.canonical($1)) == $1 ? 1 : 0) }
            }
            try SpacesBenchmark.report("\(name).cost", items: 100) {
                try samples.prefix(100).reduce(0) { $0 &+ (try space.cost($1).macs) }
            }
        }
    }
}
