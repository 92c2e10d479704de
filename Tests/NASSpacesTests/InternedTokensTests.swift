import Foundation
import NASCore
import Testing
@testable import NASSpaces

/// Long token lists are interned: an architecture holds a number, equal lists share it, and none holds a reference.
@Suite struct InternedTokensTests {
    @Test("an architecture, inline or interned, holds no reference (it copies as bytes)")
    func architectureIsPlainData() {
        #expect(_isPOD(Architecture.self))
        #expect(_isPOD(SpaceName.self))
        #expect(MemoryLayout<Architecture>.size <= 40)
    }

    @Test("equal long lists get one number, different ones different numbers, read back exactly")
    func hashConsing() {
        let long = Array(0..<40), other = Array(1..<41), large = [1, 2, 300]
        let a = Architecture(space: "s", tokens: long), b = Architecture(space: "s", tokens: Array(0..<40))
        #expect(a.inlineCount == -1 && b.inlineCount == -1)
        #expect(a.low == b.low)
        #expect(Architecture(space: "s", tokens: other).low != a.low)
        #expect(a.tokens == long && a.tokenCount == 40 && a.token(at: 39) == 39)
        #expect(Architecture(space: "s", tokens: large).tokens == large)
    }

    @Test("interning from many threads at once gives every list one number")
    func concurrentInterning() async {
        let lists = (0..<200).map { seed in (0..<20).map { ($0 * 7 + seed) % 301 } }
        let numbers = await withTaskGroup(of: [UInt64].self) { group in
            for _ in 0..<8 {
                group.addTask { lists.shuffled().sorted { $0.lexicographicallyPrecedes($1) }.map { Architecture(space: "s", tokens: $0).low } }
            }
            var all: [[UInt64]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(Set(numbers).count == 1)
        #expect(Set(numbers[0]).count == lists.count)
    }

    @Test("thousands of lists: the index grows, every list keeps its number and reads back")
    func indexGrowth() {
        var rng = SeededRandom(seed: 3)
        let lists = (0..<5_000).map { _ in (0..<(17 + rng.nextInt(below: 14))).map { _ in rng.nextInt(below: 256) } }
        let numbers = lists.map { Architecture(space: "g", tokens: $0).low }
        #expect(Set(numbers).count == Set(lists).count)
        for (list, number) in zip(lists, numbers) {
            let again = Architecture(space: "g", tokens: list)
            #expect(again.low == number)
            #expect(again.tokens == list)
        }
    }
}
