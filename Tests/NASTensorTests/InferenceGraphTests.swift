import NASCore
import Testing
@testable import NASTensor

/// `InferenceGraph` compiled into plans against the same computation written with the training
/// ops (`conv2d`, `batchNorm(training: false)`, activations, pooling, `mul`, `concat`,
/// `sliceChannels`, `shifted`, `linear`), on one graph that exercises every rewrite: batch norm
/// folding, activation fusion, a residual sum with a term that other ops still read, a sum's
/// activation, a ReLU applied twice to the same value, a broadcast product, a zero term.
@Suite struct InferenceGraphTests {
    private static func tensor(_ shape: [Int], seed: UInt64, low: Float = -1, high: Float = 1) -> Tensor {
        var rng = SeededRandom(seed: seed)
        let t = Tensor(zeros: shape)
        for i in 0..<t.count { t.data[i] = low + (high - low) * Float(rng.nextDouble()) }
        return t
    }

    /// Batch norm parameters: scale, shift, mean, variance.
    private static func norm(_ c: Int, seed: UInt64) -> [Tensor] {
        [tensor([c], seed: seed, low: 0.5, high: 1.5), tensor([c], seed: seed + 1), tensor([c], seed: seed + 2),
         tensor([c], seed: seed + 3, low: 0.5, high: 2)]
    }

    private let w1 = tensor([16, 16, 3, 3], seed: 1, low: -0.2, high: 0.2)
    private let w2 = tensor([16, 16, 3, 3], seed: 2, low: -0.2, high: 0.2)
    private let w3 = tensor([16, 16, 1, 1], seed: 3, low: -0.4, high: 0.4)
    private let wGate = tensor([16, 16, 1, 1], seed: 4, low: -0.4, high: 0.4), bGate = tensor([16], seed: 5)
    private let wOut = tensor([5, 24], seed: 6), bOut = tensor([5], seed: 7)
    private let bn1 = norm(16, seed: 10), bn2 = norm(16, seed: 20), bn3 = norm(16, seed: 30)

    /// The network with the training ops, in inference mode.
    private func reference(_ x: Tensor) throws -> Tensor {
        func cbn(_ t: Tensor, _ w: Tensor, _ p: [Tensor], padding: Int) throws -> Tensor {
            try t.conv2d(weight: w, padding: padding).batchNorm(scale: p[0], shift: p[1], runningMean: p[2],
                                                                   runningVar: p[3], training: false)
        }
        let n1 = try cbn(try x.relu(), w1, bn1, padding: 1)
        let t2 = try cbn(try n1.relu(), w2, bn2, padding: 1)
        let t3 = try cbn(try x.relu(), w3, bn3, padding: 0)
        let y = try Tensor.sum([x, t2, t3]).relu()
        let p = try y.maxPool(kernel: 3, stride: 1, padding: 1).avgPool(kernel: 3, stride: 2, padding: 1, countIncludePad: true)
        let gate = try p.globalAvgPool().conv2d(weight: wGate, bias: bGate).sigmoid()
        let se = try p.plain().mul(gate.plain())
        let cat = Tensor.concat([se, se.sliceChannels(start: 4, count: 8)])
        let shifted = cat.shifted(rows: 1, cols: 1)
        let pooled = try shifted.globalAvgPool().plain()
        return try pooled.reshaped([x.batch, 24]).linear(weight: wOut, bias: bOut)
    }

    /// The same network as an inference graph.
    private func graph(batch: Int) throws -> (InferenceGraph, InferenceGraph.Value) {
        let g = try InferenceGraph(input: [batch, 16, 10, 10])
        func cbn(_ v: InferenceGraph.Value, _ w: Tensor, _ p: [Tensor], padding: Int) throws -> InferenceGraph.Value {
            let c = try g.conv(v, weight: w, bias: nil, stride: 1, padding: padding, dilation: 1, groups: 1)
            return try g.batchNorm(c, scale: p[0], shift: p[1], mean: p[2], variance: p[3])
        }
        let x = g.input
        let n1 = try cbn(g.activation(x, .relu), w1, bn1, padding: 1)
        let t2 = try cbn(g.activation(n1, .relu), w2, bn2, padding: 1)
        let t3 = try cbn(g.activation(x, .relu), w3, bn3, padding: 0)
        let y = g.activation(try g.add([x, t2, t3]), .relu)
        let m = try g.pool(y, .max, kernel: 3, stride: 1, padding: 1)
        let p = try g.pool(m, .averageIncludingPadding, kernel: 3, stride: 2, padding: 1)
        let squeeze = try g.conv(g.globalAvgPool(p), weight: wGate, bias: bGate, stride: 1, padding: 0, dilation: 1,
                                 groups: 1)
        let se = try g.mul(p, g.activation(squeeze, .sigmoid))
        let cat = try g.concat([se, g.sliceChannels(se, start: 4, count: 8)])
        let shifted = try g.add([g.shift(cat, rows: 1, cols: 1), g.zeros(g.dims(cat))])
        let out = try g.linear(g.globalAvgPool(shifted), weight: wOut, bias: bOut)
        return (g, out)
    }

    @Test(arguments: [(1, 1, false), (3, 1, false), (1, 2, false), (1, 1, true), (3, 2, true)])
    func planMatchesTheTrainingOps(batch: Int, lanes: Int, winograd: Bool) throws {
        let (g, out) = try graph(batch: batch)
        let plan = try g.compile(output: out, threads: 1, lanes: lanes, winograd: winograd)
        // 3 convolutions with folded batch norms (one adding itself into the sum), the gate's
        // conv with its sigmoid, the linear layer; one ReLU kernel for x's two ReLUs.
        #expect(plan.fusedKernelCount >= 4)
        for seed in [40, 41] as [UInt64] {
            let x = Self.tensor([batch, 16, 10, 10], seed: seed, low: -2, high: 2)
            let expected = try reference(x).values
            let got = try plan(x)
            #expect(got.shape == [batch, 5])
            // float32 rounding through ~10 ops on values of order 1: 1e-4 leaves a wide margin
            // over the differences seen (below 2e-6).
            #expect(Fixture.worst(got.values, expected, atol: 1e-4, rtol: 1e-4) <= 0, "input \(seed)")
            #expect(try plan(x).values == got.values, "a second call on the same input differs")
        }
    }

    @Test func badGraphsAndInputsAreClearErrors() throws {
        let g = try InferenceGraph(input: [1, 16, 10, 10])
        #expect(throws: InferenceGraphError.self) {
            try g.conv(g.input, weight: Tensor(zeros: [8, 3, 3, 3]), bias: nil, stride: 1, padding: 1, dilation: 1,
                       groups: 1)
        }
        let small = try g.pool(g.input, .max, kernel: 2, stride: 2, padding: 0)
        #expect(throws: InferenceGraphError.self) { try g.add([g.input, small]) }
        #expect(throws: InferenceGraphError.self) { try g.sliceChannels(g.input, start: 10, count: 8) }
        #expect(throws: InferenceGraphError.self) { try g.linear(small, weight: Tensor(zeros: [4, 7]), bias: nil) }
        #expect(throws: InferenceGraphError.self) { try InferenceGraph(input: [1, 16, 10]) }
        let plan = try g.compile(output: small)
        #expect(throws: InferenceGraphError.self) { try plan(Tensor(zeros: [1, 16, 12, 12])) }
        #expect(try plan(Tensor(zeros: [1, 16, 10, 10])).shape == [1, 16 * 25])
    }
}
