import NASCore
import Testing
@testable import NASTensor

/// Values the forward pass is done with are freed as soon as no backward step needs them
/// (`Tensor.endForwardUse()`), the others right after the backward step that reads them; the
/// gradients are the same as when everything is kept.
@Suite struct ValueReleaseTests {
    /// The tensors of a small graph: conv → BN → ReLU → avg pool and max pool → sum → concat with
    /// the ReLU → global pooling → linear → loss.
    private struct Graph {
        var conv, norm, relu, avg, max, sum, joined, pooled, logits: Tensor
        var loss: Tensor
        var intermediates: [Tensor] { [conv, norm, relu, avg, max, sum, joined, pooled] }
    }

    private struct Parameters {
        // 2×16×12×12 activations: above `Tensor.smallBatchNorm`, so batch norm runs oneDNN's
        // blocked kernel, which reads the convolution's output in backward (the small path reads
        // a plain copy instead, and the convolution's output goes at once).
        let x = GradientCheck.input([2, 3, 12, 12], seed: 1)
        let w = GradientCheck.input([16, 3, 3, 3], seed: 2, range: 0.5)
        let gamma = GradientCheck.input([16], seed: 3), beta = GradientCheck.input([16], seed: 4)
        let fc = GradientCheck.input([4, 32], seed: 5, range: 0.5)
        var all: [Tensor] { [x, w, gamma, beta, fc] }
    }

    /// Runs the forward pass; with `releasing`, each intermediate is handed back after its last forward reader.
    private func forward(_ p: Parameters, releasing: Bool) throws -> Graph {
        func done(_ ts: Tensor...) { if releasing { for t in ts { t.endForwardUse() } } }
        let rm = Tensor(zeros: [16]), rv = Tensor.constant([16], 1, requiresGrad: false)
        let conv = try p.x.conv2d(weight: p.w, padding: 1, keepLayout: true)
        let norm = try conv.batchNorm(scale: p.gamma, shift: p.beta, runningMean: rm, runningVar: rv, training: true)
        done(conv)
        let relu = try norm.relu()
        done(norm)
        let avg = try relu.avgPool(kernel: 3, stride: 1, padding: 1)
        let max = try relu.maxPool(kernel: 3, stride: 1, padding: 1)
        let sum = try Tensor.sum([avg, max])
        done(avg, max)
        let joined = Tensor.concat([try sum.plain(), try relu.plain()])
        done(sum, relu)
        let pooled = try joined.globalAvgPool()
        done(joined)
        let logits = try pooled.linear(weight: p.fc)
        done(pooled)
        let loss = logits.softmaxCrossEntropy(labels: [1, 3])
        return Graph(conv: conv, norm: norm, relu: relu, avg: avg, max: max, sum: sum, joined: joined, pooled: pooled,
                     logits: logits, loss: loss)
    }

    @Test func valuesNoBackwardStepReadsGoDuringTheForwardPass() throws {
        let g = try forward(Parameters(), releasing: true)
        // Read by backward: the convolution's output (BN's input), the linear layer's input.
        #expect(g.conv.holdsValues && g.pooled.holdsValues)
        // The ReLU's backward reads only the signs of its output, which nothing else keeps: one bit per value.
        #expect(!g.relu.holdsValues && g.relu.signMask != nil)
        // Read by no backward step: BN's output (ReLU differentiates from its output), the
        // poolings' outputs (summed), the sum, the concatenation (pooled).
        for t in [g.norm, g.avg, g.max, g.sum, g.joined] { #expect(!t.holdsValues, "\(t.shape)") }
        #expect(g.logits.holdsValues, "the caller's result is never released")
    }

    @Test func theRestGoDuringBackwardAndTheirBuffersAreFreed() throws {
        let p = Parameters()
        let g = try forward(p, releasing: true)
        weak let convValues = g.conv.storage, reluSigns = g.relu.signMask
        #expect(convValues != nil && reluSigns != nil)
        try g.loss.backward()
        for t in g.intermediates { #expect(!t.holdsValues, "\(t.shape)") }
        // Nothing else (a backward closure, a kernel memory) holds on to the buffers.
        #expect(convValues == nil && reluSigns == nil)
        for t in p.all { #expect(t.holdsValues, "leaves keep their values") }
    }

    @Test func gradientsAreThoseOfTheGraphThatKeepsEverything() throws {
        let p = Parameters()
        var grads: [[[Float]]] = []
        for releasing in [false, true] {
            for t in p.all { t.zeroGrad() }
            let g = try forward(p, releasing: releasing)
            try g.loss.backward()
            grads.append(p.all.map(\.gradValues))
            if !releasing { for t in g.intermediates { #expect(t.holdsValues) } }
        }
        #expect(grads[0] == grads[1])
        #expect(grads[0][1].contains { $0 != 0 }, "the convolution's weights got a gradient")
    }

}
