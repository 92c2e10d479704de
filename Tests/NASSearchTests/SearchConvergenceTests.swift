import NASCore
import NASSpaces
import Testing
@testable import NASSearch

/// `SearchConvergence` against direct counting: frequencies per decision, distinct architectures,
/// and the mean pairwise agreement computed over every pair.
@Suite("Search convergence")
struct SearchConvergenceTests {
    static let space = NB201Space()

    @Test("frequencies sum to 1 per decision and similarity equals the mean over every pair")
    func matchesPairwise() throws {
        var rng = SeededRandom(seed: 5)
        let base = Self.space.sample(using: &rng)
        // Mutants of one cell, so that decisions agree more often than by chance, plus repeats.
        var archs = (0..<40).map { _ in Self.space.mutate(base, using: &rng) }
        archs += archs.prefix(5)
        let result = SearchConvergence(archs, in: Self.space)
        #expect(result.count == 45)
        #expect(result.frequencies.count == 6 * 5)
        for decision in Self.space.decisions {
            let rows = result.frequencies.filter { $0.decision == decision.name }
            #expect(rows.map(\.option) == decision.options)
            #expect(abs(rows.reduce(0) { $0 + $1.frequency } - 1) < 1e-12)
            #expect(rows.reduce(0) { $0 + $1.count } == 45)
        }
        #expect(result.distinct == Set(archs.map { Self.space.canonical($0) }).count)
        #expect(result.distinctIdentities == Set(archs.map { Self.space.identity($0) }).count)
        #expect(result.distinctIdentities <= result.distinct)
        let similarity = try #require(result.similarity)
        #expect(abs(similarity - Self.pairwiseAgreement(archs)) < 1e-12)
        #expect(similarity > 0.5 && similarity < 1)
    }

    @Test("identical architectures: similarity 1, one distinct, each chosen option at 100%")
    func identical() throws {
        let a = try Self.space.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|")
        let result = SearchConvergence(Array(repeating: a, count: 4), in: Self.space)
        #expect(result.similarity == 1 && result.distinct == 1 && result.distinctIdentities == 1)
        #expect(result.frequencies.filter { $0.frequency == 1 }.count == 6)
        #expect(SearchConvergence([a], in: Self.space).similarity == nil)
    }

    /// The mean over all pairs of the fraction of equal tokens, by enumerating the pairs.
    static func pairwiseAgreement(_ archs: [Architecture]) -> Double {
        var total = 0.0, pairs = 0
        for i in archs.indices {
            for j in archs.indices where j > i {
                let equal = zip(archs[i].tokens, archs[j].tokens).filter { $0 == $1 }.count
                total += Double(equal) / Double(archs[i].tokens.count)
                pairs += 1
            }
        }
        return total / Double(pairs)
    }
}
