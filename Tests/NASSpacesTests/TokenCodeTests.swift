import Foundation
import NASCore
import Testing
@testable import NASSpaces

/// `TokenCode` numbers architectures as mixed-radix numbers, checked against plain arithmetic.
@Suite struct TokenCodeTests {
    /// The number written out digit by digit, first token most significant; nil for a token out of range.
    static func expected(_ tokens: [Int], radix: Int) -> Int? {
        var number = 0
        for t in tokens {
            guard t >= 0 && t < radix else { return nil }
            number = number * radix + t
        }
        return number
    }

    @Test("NB201: the code of every cell is its base-5 cell code")
    func nb201CellCodes() {
        let code = TokenCode(space: NB201Space.spaceName, count: 6, radix: 5)
        for cell in 0..<15_625 {
            var digits = [Int](repeating: 0, count: 6), rest = cell
            for i in (0..<6).reversed() { (digits[i], rest) = (rest % 5, rest / 5) }
            let architecture = Architecture(space: "nb201", tokens: digits)
            #expect(code.number(of: architecture) == cell)
            #expect(NB201Space.cellCode(of: architecture) == cell)
        }
    }

    @Test("random token lists of 1...20 tokens and radices 1...300 give the written-out number or nil",
          arguments: [1, 2, 5, 7, 8, 9, 16, 20])
    func randomLists(count: Int) {
        var rng = SeededRandom(seed: UInt64(count))
        for radix in [1, 2, 3, 5, 10, 127, 128, 129, 255, 256, 300] {
            guard Double(count) * log2(Double(max(radix, 2))) < 62 else { continue }  // the number fits an Int
            let code = TokenCode(space: SpaceName("s"), count: count, radix: radix)
            for _ in 0..<200 {
                // Mostly in range, sometimes one token at or past the radix.
                var tokens = (0..<count).map { _ in rng.nextInt(below: radix) }
                if rng.nextInt(below: 4) == 0 { tokens[rng.nextInt(below: count)] = radix + rng.nextInt(below: 3) }
                let want = Self.expected(tokens, radix: radix)
                #expect(code.number(of: Architecture(space: "s", tokens: tokens)) == want, "\(tokens) radix \(radix)")
            }
        }
    }

    @Test("another space, another token count or a negative token has no number")
    func mismatches() {
        let code = TokenCode(space: SpaceName("s"), count: 3, radix: 4)
        #expect(code.number(of: Architecture(space: "t", tokens: [1, 2, 3])) == nil)
        #expect(code.number(of: Architecture(space: "s", tokens: [1, 2])) == nil)
        #expect(code.number(of: Architecture(space: "s", tokens: [1, 2, 3, 0])) == nil)
        #expect(code.number(of: Architecture(space: "s", tokens: [1, -1, 3])) == nil)
        #expect(code.number(of: Architecture(space: "s", tokens: [3, 3, 3])) == 63)
    }
}
