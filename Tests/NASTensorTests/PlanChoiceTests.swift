import NASCore
import Testing
@testable import NASTensor

/// `PlanChoice` between a plan that is truly slow (eight 3×3 convolutions of 64 channels) and
/// one that is truly fast (one 1×1 convolution), both on the same input: the choice starts on
/// whichever it is given first, moves to the fast one at its first probe, and stays there
/// through later probes; every call answers with the current plan's output.
@Suite struct PlanChoiceTests {
    private static let input = [1, 16, 28, 28]

    private static func tensor(_ shape: [Int], seed: UInt64) -> Tensor {
        var rng = SeededRandom(seed: seed)
        let t = Tensor(zeros: shape)
        for i in 0..<t.count { t.data[i] = Float(rng.nextDouble()) * 0.2 - 0.1 }
        return t
    }

    /// A plan of `layers` convolutions of `kernel`×`kernel` (the first from 16 channels to
    /// `channels`, then `channels` to `channels`), a global average pool and nothing else.
    private static func plan(layers: Int, channels: Int, kernel: Int) throws -> InferencePlan {
        let g = try InferenceGraph(input: input)
        var v = g.input
        for layer in 0..<layers {
            let w = tensor([channels, layer == 0 ? 16 : channels, kernel, kernel], seed: UInt64(layer + 1))
            v = try g.activation(g.conv(v, weight: w, bias: nil, stride: 1, padding: kernel / 2, dilation: 1,
                                        groups: 1), .relu)
        }
        return try g.compile(output: g.globalAvgPool(v), threads: 1)
    }

    @Test func movesToTheFasterPlanAndStays() throws {
        let slow = try Self.plan(layers: 8, channels: 64, kernel: 3)
        let fast = try Self.plan(layers: 1, channels: 16, kernel: 1)
        let choice = PlanChoice(first: slow, other: fast)
        let x = Self.tensor(Self.input, seed: 99)
        let slowOut = try slow(x), fastOut = try fast(x)
        #expect(slowOut.shape != fastOut.shape)

        // The first window's calls run the plan it was given first.
        for _ in 0..<(PlanChoice.shortestWindow - 1) {
            #expect(try choice(x).shape == slowOut.shape)
        }
        #expect(choice.switches == 0 && choice.plan === slow)
        // The window's last call still answers with the slow plan; the probe after it switches.
        #expect(try choice(x).values == slowOut.values)
        #expect(choice.switches == 1 && choice.plan === fast)

        // Every later window (the shortest doubled six times reaches the longest) keeps the fast plan.
        for _ in 0..<(PlanChoice.longestWindow * 3) {
            #expect(try choice(x).values == fastOut.values)
        }
        #expect(choice.switches == 1 && choice.plan === fast)
    }
}
