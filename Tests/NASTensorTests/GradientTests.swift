import NASCore
import Testing
@testable import NASTensor

/// Every op's gradient against central finite differences (see `GradientCheck` for tolerances).
@Suite struct GradientTests {
    private func expectGradients(_ inputs: [Tensor], eps: Float = 1e-2, _ f: ([Tensor]) throws -> Tensor) throws {
        let (worst, detail) = try GradientCheck.worstViolation(inputs, eps: eps, f)
        #expect(worst <= 0, "\(detail)")
    }

    @Test(arguments: [
        (1, 1, 0, 1, 1), (2, 3, 1, 1, 1), (2, 3, 0, 1, 1), (1, 3, 2, 2, 1), (1, 3, 1, 1, 2),
    ])
    func convolution(stride: Int, kernel: Int, padding: Int, dilation: Int, groups: Int) throws {
        let x = GradientCheck.input([2, 4, 7, 7], seed: 1)
        let w = GradientCheck.input([6, 4 / groups, kernel, kernel], seed: 2, range: 0.5)
        let b = GradientCheck.input([6], seed: 3)
        try expectGradients([x, w, b]) {
            try $0[0].conv2d(weight: $0[1], bias: $0[2], stride: stride, padding: padding, dilation: dilation,
                             groups: groups)
        }
    }

    @Test(arguments: [1, 2])
    func depthwiseConvolution(stride: Int) throws {
        let x = GradientCheck.input([2, 16, 6, 6], seed: 4)
        let w = GradientCheck.input([16, 1, 3, 3], seed: 5, range: 0.5)
        try expectGradients([x, w]) { try $0[0].conv2d(weight: $0[1], stride: stride, padding: 1, groups: 16) }
    }

    @Test func linear() throws {
        let x = GradientCheck.input([3, 2, 2, 2], seed: 6)
        let w = GradientCheck.input([5, 8], seed: 7, range: 0.5)
        let b = GradientCheck.input([5], seed: 8)
        try expectGradients([x, w, b]) { try $0[0].linear(weight: $0[1], bias: $0[2]) }
    }

    @Test(arguments: Nonlinearity.allCases)
    func activation(_ act: Nonlinearity) throws {
        let kinks: [Double] = [0, 6, -3, 3]
        let x = GradientCheck.input([2, 3, 4, 4], seed: 9, range: 4, kinks: kinks)
        try expectGradients([x]) { try $0[0].activation(act) }
    }

    @Test func relu6AboveSix() throws {
        let x = GradientCheck.input([1, 2, 4, 4], seed: 10, range: 9, kinks: [0, 6])
        try expectGradients([x]) { try $0[0].relu6() }
    }

    @Test(arguments: [(2, 2, 0), (3, 2, 1), (3, 1, 1)])
    func maxPooling(kernel: Int, stride: Int, padding: Int) throws {
        let x = GradientCheck.distinct([2, 3, 6, 6], seed: 11)
        try expectGradients([x]) { try $0[0].maxPool(kernel: kernel, stride: stride, padding: padding) }
    }

    @Test(arguments: [true, false])
    func averagePooling(includePad: Bool) throws {
        let x = GradientCheck.input([2, 3, 6, 6], seed: 12)
        try expectGradients([x]) { try $0[0].avgPool(kernel: 3, stride: 1, padding: 1, countIncludePad: includePad) }
    }

    @Test func globalAveragePooling() throws {
        let x = GradientCheck.input([2, 3, 5, 5], seed: 13)
        try expectGradients([x]) { try $0[0].globalAvgPool() }
    }

    @Test(arguments: [[4, 3, 5, 5], [6, 5]])
    func batchNormTraining(shape: [Int]) throws {
        let c = shape[1]
        let x = GradientCheck.input(shape, seed: 14)
        let gamma = GradientCheck.input([c], seed: 15), beta = GradientCheck.input([c], seed: 16)
        let rm = Tensor(zeros: [c]), rv = Tensor.constant([c], 1, requiresGrad: false)
        // BN divides by the batch standard deviation, so a smaller step keeps truncation small.
        try expectGradients([x, gamma, beta], eps: 5e-3) {
            try $0[0].batchNorm(scale: $0[1], shift: $0[2], runningMean: rm, runningVar: rv, training: true)
        }
    }

    @Test func addMulAndBroadcast() throws {
        let a = GradientCheck.input([2, 3, 4, 4], seed: 17), b = GradientCheck.input([2, 3, 4, 4], seed: 18)
        let s = GradientCheck.input([2, 3, 1, 1], seed: 19)
        try expectGradients([a, b, s]) { try ($0[0] + $0[1]).mul($0[2]).mul($0[0]) }
    }

    @Test("a supernet's mix: gradients to the terms and to the weights, including a term left out")
    func mixOfCandidates() throws {
        let a = GradientCheck.input([2, 3, 4, 4], seed: 31), b = GradientCheck.input([2, 3, 4, 4], seed: 32)
        let w = GradientCheck.input([3], seed: 33)
        try expectGradients([a, b, w]) { try Tensor.mix([$0[0], $0[1]], weights: $0[2], slots: [2, 0]).mul($0[0]) }
    }

    @Test("a batch norm's scale times one mixing weight: gradients to both")
    func scaledByOneWeight() throws {
        let gamma = GradientCheck.input([4], seed: 34), w = GradientCheck.input([3], seed: 35)
        try expectGradients([gamma, w]) { $0[0].scaled(by: $0[1], slot: 1).mul($0[0]) }
    }

    @Test func concatSliceShift() throws {
        let a = GradientCheck.input([2, 3, 4, 4], seed: 20), b = GradientCheck.input([2, 2, 4, 4], seed: 21)
        try expectGradients([a, b]) {
            Tensor.concat([$0[0], $0[1]]).sliceChannels(start: 1, count: 3).shifted(rows: 1, cols: 1)
        }
    }

    @Test func softmaxCrossEntropy() throws {
        let logits = GradientCheck.input([4, 5], seed: 22)
        try expectGradients([logits]) { $0[0].softmaxCrossEntropy(labels: [0, 3, 4, 1]) }
    }

    @Test func dropoutUsesItsMask() throws {
        let x = GradientCheck.input([2, 3, 4, 4], seed: 23)
        try expectGradients([x]) { inputs in
            var rng = SeededRandom(seed: 5)  // same mask on every call
            return inputs[0].dropout(p: 0.3, training: true, rng: &rng)
        }
    }

    @Test func lstmCell() throws {
        var rng = SeededRandom(seed: 24)
        let cell = LSTMCell(inputSize: 3, hiddenSize: 4, rng: &rng)
        let x = GradientCheck.input([2, 3], seed: 25), h = GradientCheck.input([2, 4], seed: 26, range: 1)
        let c = GradientCheck.input([2, 4], seed: 27, range: 1)
        try expectGradients([x, h, c] + cell.parameters) { inputs in
            let (h2, c2) = try cell(inputs[0], state: (inputs[1], inputs[2]))
            return Tensor.concat([h2, c2])
        }
    }

    @Test func sharedInputAccumulatesBothPaths() throws {
        let x = GradientCheck.input([1, 2, 3, 3], seed: 28, kinks: [0])
        try expectGradients([x]) { try $0[0] + $0[0].relu() }
    }
}
