import NASCore
import Testing
@testable import NASTensor

/// The inference path (BN folded into the convolution, activation fused as a post-op) must
/// compute what the unfused training-graph ops compute in inference mode.
@Suite struct FusedConvTests {
    @Test(arguments: [(Nonlinearity?.none, 1, 1), (.relu, 1, 1), (.relu6, 2, 1), (.hswish, 1, 8), (.swish, 1, 8)])
    func foldedMatchesUnfused(activation: Nonlinearity?, stride: Int, groups: Int) throws {
        var rng = SeededRandom(seed: 7)
        let x = GradientCheck.input([2, 8, 9, 9], seed: 1, requiresGrad: false)
        let w = Tensor.kaimingNormal([12 - (groups == 8 ? 4 : 0), 8 / groups, 3, 3], fanIn: 72, rng: &rng)
        let out = w.shape[0]
        let b = GradientCheck.input([out], seed: 2)
        let scale = GradientCheck.input([out], seed: 3), shift = GradientCheck.input([out], seed: 4)
        let mean = GradientCheck.input([out], seed: 5)
        let variance = Tensor(shape: [out], values: (0..<out).map { 0.5 + Float($0) * 0.1 })
        var reference = try x.conv2d(weight: w, bias: b, stride: stride, padding: 1, groups: groups)
        reference = try reference.batchNorm(scale: scale, shift: shift, runningMean: mean, runningVar: variance,
                                            training: false)
        if let act = activation { reference = try reference.activation(act) }
        let fused = FusedConv2d(weight: w, bias: b, batchNorm: (scale, shift, mean, variance, 1e-5),
                                activation: activation, stride: stride, padding: 1, dilation: 1, groups: groups)
        let y = try fused(x)
        #expect(y.shape == reference.shape)
        #expect(Fixture.worst(y.values, reference.values, atol: 1e-4, rtol: 1e-4) <= 0)
        let again = try fused(x)  // the prepared (reordered) weights are reused
        #expect(again.values == y.values)
    }
}
