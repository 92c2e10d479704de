import NASCore
import Testing
@testable import NASTensor

/// Pooling a convolution's blocked output in its layout computes what pooling its plain copy
/// computes (the plain path is checked against numpy fixtures), forward and backward.
@Suite struct BlockedPoolingTests {
    enum Pooling: String, CaseIterable { case max, average, global }

    private func pooled(_ t: Tensor, _ pooling: Pooling) throws -> Tensor {
        switch pooling {
        case .max: return try t.maxPool(kernel: 2, stride: 2)
        case .average: return try t.avgPool(kernel: 3, stride: 2, padding: 1, countIncludePad: true)
        case .global: return try t.globalAvgPool()
        }
    }

    @Test(arguments: [16, 24], Pooling.allCases)
    func blockedPoolingMatchesPlain(channels c: Int, pooling: Pooling) throws {
        let x = GradientCheck.input([2, 3, 8, 8], seed: 11)
        let w = GradientCheck.input([c, 3, 3, 3], seed: 12, range: 0.5)
        var results: [([Float], [[Float]])] = []
        for blocked in [false, true] {
            x.zeroGrad(); w.zeroGrad()
            let a = try x.conv2d(weight: w, padding: 1, keepLayout: true)
            let p = try pooled(blocked ? a : try a.plain(), pooling)
            if blocked { #expect(!p.isPlain, "a blocked input should give a blocked output") }
            let y = try p.plain()
            let r = Tensor(shape: y.shape, values: (0..<y.count).map { Float(($0 * 37) % 11) / 11 - 0.5 })
            try y.mul(r).sumAll().backward()
            results.append((y.values, [x.gradValues, w.gradValues]))
        }
        #expect(Fixture.worst(results[1].0, results[0].0, atol: 1e-5, rtol: 1e-5) <= 0)
        for k in 0..<2 {
            #expect(Fixture.worst(results[1].1[k], results[0].1[k], atol: 1e-4, rtol: 1e-4) <= 0, "gradient \(k)")
        }
    }
}
