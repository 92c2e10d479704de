import Testing
@testable import NASCore

@Suite struct SeededRandomTests {
    @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42), c = SeededRandom(seed: 43)
        let xa = (0..<100).map { _ in a.next() }
        let xb = (0..<100).map { _ in b.next() }
        let xc = (0..<100).map { _ in c.next() }
        #expect(xa == xb)
        #expect(xa != xc)
    }

    @Test func uniformIntsCoverTheRangeEvenly() {
        var rng = SeededRandom(seed: 7)
        var counts = [Int](repeating: 0, count: 5)
        for _ in 0..<50_000 { counts[rng.nextInt(below: 5)] += 1 }
        // Each bucket expects 10,000; 5 standard deviations is about 450.
        for c in counts { #expect(abs(c - 10_000) < 450) }
    }

    /// `nextInt(below:)` has its own bounded draw; it must give exactly the standard library's draw from the same
    /// state, small bounds and bounds large enough that rejections are frequent alike.
    @Test func boundedDrawsMatchTheStandardLibrary() {
        var ours = SeededRandom(seed: 11), library = SeededRandom(seed: 11)
        let bounds = [1, 2, 3, 4, 5, 6, 7, 10, 1000, 15_625, Int.max / 3 + 7, Int.max / 2 + 1, Int.max - 5, Int.max]
        var rejectionsSeen = false
        for round in 0..<4000 {
            let bound = bounds[round % bounds.count]
            let before = ours
            #expect(ours.nextInt(below: bound) == Int(library.next(upperBound: UInt64(bound))))
            var single = before
            _ = single.next()
            if single != ours { rejectionsSeen = true }
        }
        #expect(ours == library)
        #expect(rejectionsSeen)
    }

    @Test func gaussianHasUnitVariance() {
        var rng = SeededRandom(seed: 3)
        let xs = (0..<40_000).map { _ in rng.nextGaussian() }
        let mean = xs.reduce(0, +) / Double(xs.count)
        let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count)
        #expect(abs(mean) < 0.03)
        #expect(abs(variance - 1) < 0.03)
    }
}
