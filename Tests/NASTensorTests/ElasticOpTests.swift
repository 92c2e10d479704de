import NASCore
import Testing
@testable import NASTensor

/// Once-for-all's weight-sharing ops (`centreCrop`, `leading`) and the kernel transformation built from them:
/// values against direct indexing, gradients against central finite differences (`GradientCheck`).
@Suite struct ElasticOpTests {
    private func expectGradients(_ inputs: [Tensor], _ f: ([Tensor]) throws -> Tensor) throws {
        let (worst, detail) = try GradientCheck.worstViolation(inputs, samples: 200, f)
        #expect(worst <= 0, "\(detail)")
    }

    @Test func centreCropKeepsTheCentreWindow() {
        let w = GradientCheck.input([3, 2, 7, 7], seed: 1)
        let c = w.centreCrop(3)
        #expect(c.shape == [3, 2, 3, 3])
        for p in 0..<6 { for r in 0..<3 { for s in 0..<3 {
            #expect(c.values[(p * 3 + r) * 3 + s] == w.values[(p * 7 + r + 2) * 7 + s + 2])
        } } }
    }

    @Test(arguments: [5, 3, 1])
    func centreCropGradient(size: Int) throws {
        let w = GradientCheck.input([4, 1, 7, 7], seed: 2)
        try expectGradients([w]) { $0[0].centreCrop(size) }
    }

    @Test func leadingKeepsTheFirstRows() throws {
        let w = GradientCheck.input([6, 3, 1, 1], seed: 3)
        #expect(w.leading(4).shape == [4, 3, 1, 1])
        #expect(w.leading(4).values == Array(w.values.prefix(12)))
        try expectGradients([w]) { $0[0].leading(4) }
        let v = GradientCheck.input([5], seed: 4)
        try expectGradients([v]) { $0[0].leading(2) }
    }

    /// 7×7 → 5×5 → 3×3 through two matrices, then a depthwise convolution: gradients reach the
    /// stored kernel, both matrices and the input.
    @Test func kernelTransformationGradient() throws {
        let x = GradientCheck.input([2, 4, 5, 5], seed: 5)
        let w = GradientCheck.input([6, 1, 7, 7], seed: 6, range: 0.5)
        let m5 = GradientCheck.input([25, 25], seed: 7, range: 0.3)
        let m3 = GradientCheck.input([9, 9], seed: 8, range: 0.5)
        try expectGradients([x, w, m5, m3]) { t in
            let k5 = try t[1].leading(4).centreCrop(5).reshaped([4, 25]).linear(weight: t[2]).reshaped([4, 1, 5, 5])
            let k3 = try k5.centreCrop(3).reshaped([4, 9]).linear(weight: t[3]).reshaped([4, 1, 3, 3])
            return try t[0].conv2d(weight: k3, padding: 1, groups: 4)
        }
    }

    /// The transformation is `centre · Mᵀ` per channel: checked against a direct sum.
    @Test func kernelTransformationValues() throws {
        let w = GradientCheck.input([2, 1, 5, 5], seed: 9)
        let m = GradientCheck.input([9, 9], seed: 10)
        let out = try w.centreCrop(3).reshaped([2, 9]).linear(weight: m).values
        let centre = w.centreCrop(3).values
        for c in 0..<2 { for i in 0..<9 {
            let direct = (0..<9).reduce(Float(0)) { $0 + centre[c * 9 + $1] * m.values[i * 9 + $1] }
            #expect(abs(out[c * 9 + i] - direct) < 1e-4)
        } }
    }
}
