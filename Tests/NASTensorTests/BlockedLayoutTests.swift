import NASCore
import Testing
@testable import NASTensor

/// Tensors kept in oneDNN's blocked layout between layout-aware ops (convolution, activation,
/// batch norm, sum) compute exactly what the plain path computes, forward and backward.
@Suite struct BlockedLayoutTests {
    /// conv → BN → activation → conv (depthwise) → sum with the first conv → plain.
    private func chain(_ x: Tensor, _ w1: Tensor, _ w2: Tensor, _ gamma: Tensor, _ beta: Tensor,
                       keep: Bool, act: Nonlinearity) throws -> (Tensor, first: Tensor) {
        let rm = Tensor(zeros: [w1.shape[0]]), rv = Tensor.constant([w1.shape[0]], 1, requiresGrad: false)
        let a = try x.conv2d(weight: w1, padding: 1, keepLayout: keep)
        let b = try a.batchNorm(scale: gamma, shift: beta, runningMean: rm, runningVar: rv, training: true)
            .activation(act)
        let c = try b.conv2d(weight: w2, padding: 1, groups: w2.shape[0], keepLayout: keep)
        return (try Tensor.sum([c, a]).plain(), a)
    }

    @Test(arguments: [(16, Nonlinearity.relu), (24, .sigmoid), (8, .hswish)])
    func blockedChainMatchesPlain(channels c: Int, act: Nonlinearity) throws {
        let x = GradientCheck.input([2, 3, 6, 6], seed: 1)
        let w1 = GradientCheck.input([c, 3, 3, 3], seed: 2, range: 0.5)
        let w2 = GradientCheck.input([c, 1, 3, 3], seed: 3, range: 0.5)
        let gamma = GradientCheck.input([c], seed: 4), beta = GradientCheck.input([c], seed: 5)
        let params = [x, w1, w2, gamma, beta]
        var results: [([Float], [[Float]])] = []
        for keep in [false, true] {
            for p in params { p.zeroGrad() }
            let (y, first) = try chain(x, w1, w2, gamma, beta, keep: keep, act: act)
            if keep { #expect(!first.isPlain, "the kernel chose a plain layout; the test would not test blocking") }
            let r = Tensor(shape: y.shape, values: (0..<y.count).map { Float(($0 * 37) % 11) / 11 - 0.5 })
            try y.mul(r).sumAll().backward()
            results.append((y.values, params.map(\.gradValues)))
        }
        #expect(Fixture.worst(results[1].0, results[0].0, atol: 1e-5, rtol: 1e-5) <= 0)
        for k in params.indices {
            #expect(Fixture.worst(results[1].1[k], results[0].1[k], atol: 1e-4, rtol: 1e-4) <= 0, "gradient \(k)")
        }
    }

    @Test func blockedChainGradientAgainstFiniteDifferences() throws {
        let x = GradientCheck.input([2, 3, 5, 5], seed: 6)
        let w1 = GradientCheck.input([16, 3, 3, 3], seed: 7, range: 0.5)
        let w2 = GradientCheck.input([16, 1, 3, 3], seed: 8, range: 0.5)
        let gamma = GradientCheck.input([16], seed: 9), beta = GradientCheck.input([16], seed: 10)
        let (worst, detail) = try GradientCheck.worstViolation([x, w1, w2, gamma, beta], eps: 5e-3) {
            try chain($0[0], $0[1], $0[2], $0[3], $0[4], keep: true, act: .swish).0
        }
        #expect(worst <= 0, "\(detail)")
    }
}
