import CDNNL
import NASCore
import Testing
@testable import NASTensor

/// Swift conversions of small tensors between plain NCHW and a blocked layout (`SmallReorder`)
/// against oneDNN's reorder, and batch norm of small blocked tensors (converted, normalised in
/// Swift, converted back) against finite differences and against the plain path.
@Suite struct SmallReorderTests {
    /// The layout a 3×3 convolution's kernel reads for `shape` (`nChw16c` on AVX-512).
    private func kernelLayout(_ shape: [Int]) throws -> dnnl_memory_desc_t {
        let g = ConvGeometry(batch: shape[0], inChannels: shape[1], outChannels: shape[1], height: shape[2],
                             width: shape[3], kernel: 3, padding: 1)
        return try ConvPlan.plan(g, bias: false).fwdSrc.kernel
    }

    @Test(arguments: [[2, 16, 5, 7], [1, 32, 3, 3], [3, 48, 2, 4]])
    func conversionsMatchOneDNN(shape: [Int]) throws {
        let layout = try kernelLayout(shape)
        let small = try #require(SmallReorder(layout, shape: shape), "no Swift conversion for \(shape)")
        let x = GradientCheck.input(shape, seed: 31, requiresGrad: false)
        let byOneDNN = TensorStorage(zeros: x.count), bySwift = TensorStorage(zeros: x.count)
        try Reorder.copy(x.storage.raw, from: DNNL.plain(shape), byOneDNN.raw, to: layout)
        small.toBlocked(x.storage.pointer, bySwift.pointer)
        #expect(bySwift.array == byOneDNN.array)
        let back = TensorStorage(zeros: x.count)
        small.toPlain(byOneDNN.pointer, back.pointer)
        #expect(back.array == x.values)
    }

    @Test func largeOrPaddedTensorsAreLeftToOneDNN() throws {
        #expect(SmallReorder(try kernelLayout([1, 16, 64, 64]), shape: [1, 16, 64, 64]) == nil)
        #expect(SmallReorder(DNNL.plain([1, 16, 4, 4]), shape: [1, 16, 4, 4]) == nil)
    }

    @Test func blockedBatchNormMatchesFiniteDifferences() throws {
        let shape = [2, 16, 3, 3]
        let layout = try kernelLayout(shape)
        let small = try #require(SmallReorder(layout, shape: shape))
        let x = GradientCheck.input(shape, seed: 32)
        let gamma = GradientCheck.input([16], seed: 33), beta = GradientCheck.input([16], seed: 34)
        let (worst, detail) = try GradientCheck.worstViolation([x, gamma, beta]) { t in
            let rm = Tensor(zeros: [16]), rv = Tensor.constant([16], 1, requiresGrad: false)
            return try t[0].blocked(layout, small)
                .batchNorm(scale: t[1], shift: t[2], runningMean: rm, runningVar: rv, training: true).plain()
        }
        #expect(worst <= 0, "\(detail)")
    }
}
