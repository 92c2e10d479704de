import NASCore
import Testing
@testable import NASTensor

/// A ReLU's output that only its own backward step reads (its reader, a convolution, takes no
/// weight gradient) is traded for one bit per value once the forward pass is done with it; the
/// gradients stay those of the graph that keeps everything, and those of finite differences.
@Suite struct SignMaskTests {
    @Test("packing marks the positive values, and the masked backward passes exactly their gradients")
    func packAndBackwardByHand() {
        // 37 values: one full word and a partial one; zero and negative values are not positive.
        let values: [Float] = (0..<37).map { (i: Int) -> Float in
            switch i % 3 {
            case 0: return Float(i) + 0.5
            case 1: return 0
            default: return -Float(i)
            }
        }
        let storage = TensorStorage(values)
        let mask = SignMask.pack(storage.pointer, count: values.count)
        #expect(mask.count == 2)
        let gradOut: [Float] = (0..<37).map { (i: Int) -> Float in Float(i) + 100 }
        var gradIn = [Float](repeating: -1, count: 37)
        gradOut.withUnsafeBufferPointer { g in
            gradIn.withUnsafeMutableBufferPointer { SignMask.backward(mask, g.baseAddress!, $0.baseAddress!, count: 37) }
        }
        for i in 0..<37 {
            let expected: Float = i % 3 == 0 ? Float(i) + 100 : 0
            #expect(gradIn[i] == expected, "value \(i)")
        }
    }

    /// x → ReLU → convolution (weights `w`) → Σ out ⊙ r, with the ReLU's output handed back after the convolution.
    private func forward(_ x: Tensor, _ w: Tensor, releasing: Bool) throws -> (relu: Tensor, out: Tensor) {
        let relu = try x.relu()
        let out = try relu.conv2d(weight: w, padding: 1)
        if releasing { relu.endForwardUse() }
        return (relu, out)
    }

    @Test("a ReLU read only by a convolution without weight gradient keeps a mask, with unchanged gradients",
          arguments: [[2, 4, 6, 6], [2, 16, 48, 48]])  // Swift's small-activation path, and oneDNN's
    func maskReplacesValues(shape: [Int]) throws {
        let x = GradientCheck.input(shape, seed: 1)
        let w = GradientCheck.input([3, shape[1], 3, 3], seed: 2, range: 0.5, requiresGrad: false)
        var grads: [[Float]] = []
        for releasing in [false, true] {
            x.zeroGrad()
            let (relu, out) = try forward(x, w, releasing: releasing)
            #expect(relu.holdsValues == !releasing)
            #expect((relu.signMask != nil) == releasing)
            if releasing { #expect(relu.signMask!.count == (relu.storageCount + 31) / 32) }
            try out.sumAll().backward()
            #expect(relu.signMask == nil, "the mask goes with the backward step")
            grads.append(x.gradValues)
        }
        #expect(grads[0] == grads[1])
        #expect(grads[1].contains { $0 != 0 } && grads[1].contains { $0 == 0 })
    }

    @Test("the masked backward matches finite differences")
    func finiteDifferences() throws {
        let x = GradientCheck.input([2, 3, 5, 5], seed: 3, kinks: [0])
        let w = GradientCheck.input([4, 3, 3, 3], seed: 4, range: 0.5, requiresGrad: false)
        let (violation, at) = try GradientCheck.worstViolation([x]) { inputs in
            try forward(inputs[0], w, releasing: true).out
        }
        #expect(violation <= 0, "\(at)")
    }

    @Test("a ReLU whose output a convolution keeps for its weight gradient keeps its values")
    func valuesKeptForWeightGradient() throws {
        let x = GradientCheck.input([2, 4, 6, 6], seed: 5)
        let w = GradientCheck.input([3, 4, 3, 3], seed: 6, range: 0.5)
        let (relu, out) = try forward(x, w, releasing: true)
        #expect(relu.holdsValues && relu.signMask == nil)
        try out.sumAll().backward()
        #expect(!relu.holdsValues)
    }

    @Test("a blocked, channel-padded ReLU output is masked over its whole storage")
    func blockedPaddedLayout() throws {
        let x = GradientCheck.input([2, 3, 40, 40], seed: 7)
        let w1 = GradientCheck.input([12, 3, 3, 3], seed: 8, range: 0.5)
        let w2 = GradientCheck.input([5, 12, 3, 3], seed: 9, range: 0.5, requiresGrad: false)
        var grads: [[[Float]]] = []
        for releasing in [false, true] {
            for t in [x, w1] { t.zeroGrad() }
            let hidden = try x.conv2d(weight: w1, padding: 1, keepLayout: true)
            let relu = try hidden.relu()
            let out = try relu.conv2d(weight: w2, padding: 1)
            if releasing {
                hidden.endForwardUse()
                relu.endForwardUse()
                #expect(!relu.holdsValues && relu.signMask != nil)
            }
            try out.sumAll().backward()
            grads.append([x.gradValues, w1.gradValues])
        }
        #expect(grads[0] == grads[1])
    }
}
