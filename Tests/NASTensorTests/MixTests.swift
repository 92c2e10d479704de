import NASCore
import Testing
@testable import NASTensor

/// `Tensor.mix`, a supernet's weighted sum of candidates: values and gradients (terms and weights)
/// against finite differences and against the plain ops, in plain and blocked layouts.
@Suite struct MixTests {
    private func expectGradients(_ inputs: [Tensor], _ f: ([Tensor]) throws -> Tensor) throws {
        let (worst, detail) = try GradientCheck.worstViolation(inputs, f)
        #expect(worst <= 0, "\(detail)")
    }

    @Test func plainTermsAndWeights() throws {
        let a = GradientCheck.input([2, 3, 5, 7], seed: 1), b = GradientCheck.input([2, 3, 5, 7], seed: 2)
        let c = GradientCheck.input([2, 3, 5, 7], seed: 3)
        let w = GradientCheck.input([5], seed: 4, range: 1)
        try expectGradients([a, b, c, w]) { try Tensor.mix([$0[0], $0[1], $0[2]], weights: $0[3], slots: [1, 4, 2]) }
    }

    @Test func oneTermAndARepeatedTerm() throws {
        let a = GradientCheck.input([1, 2, 9, 9], seed: 5), w = GradientCheck.input([3], seed: 6, range: 1)
        try expectGradients([a, w]) { try Tensor.mix([$0[0]], weights: $0[1], slots: [2]) }
        // The same tensor twice, and a term whose gradient also comes from elsewhere.
        try expectGradients([a, w]) {
            let mixed = try Tensor.mix([$0[0], $0[0]], weights: $0[1], slots: [0, 2])
            return try mixed + $0[0]
        }
    }

    @Test func blockedTerms() throws {
        let x = GradientCheck.input([2, 16, 6, 6], seed: 7)
        let k1 = GradientCheck.input([16, 16, 3, 3], seed: 8, range: 0.2)
        let k2 = GradientCheck.input([16, 16, 1, 1], seed: 9, range: 0.5)
        let w = GradientCheck.input([4], seed: 10, range: 1)
        try expectGradients([x, k1, k2, w]) { t in
            let p = try t[0].conv2d(weight: t[1], padding: 1, keepLayout: true)
            let q = try t[0].conv2d(weight: t[2], keepLayout: true)
            return try Tensor.mix([p, q], weights: t[3], slots: [3, 1]).plain()
        }
    }

    @Test func valuesEqualTheWeightedSum() throws {
        let terms = (0..<4).map { GradientCheck.input([3, 4, 37, 41], seed: 20 + UInt64($0), requiresGrad: false) }
        let w = Tensor(shape: [5], values: [0.1, 0.2, 0.3, 0.15, 0.25], requiresGrad: true)
        let out = try Tensor.mix(terms, weights: w, slots: [1, 2, 3, 4])
        for i in Swift.stride(from: 0, to: out.count, by: 97) {
            let expected = (0..<4).reduce(Float(0)) { $0 + w.data[$1 + 1] * terms[$1].data[i] }
            #expect(abs(out.data[i] - expected) <= 1e-5 * max(1, abs(expected)))
        }
        // Constant terms: the weights still get their gradient (the dot products), the terms none.
        try out.sumAll().backward()
        let grads = w.gradValues
        #expect(grads[0] == 0)
        for k in 0..<4 {
            let expected = (0..<terms[k].count).reduce(0.0) { $0 + Double(terms[k].data[$1]) }
            #expect(abs(Double(grads[k + 1]) - expected) <= 1e-3 * max(1, abs(expected)))
        }
        #expect(terms.allSatisfy { $0.grad == nil })
    }
}
