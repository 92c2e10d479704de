import NASCore
import NASSpaces
import Testing
@testable import NASTensor
@testable import NASTraining

/// A training step frees what backward does not need: values no backward step reads go during
/// the forward pass, the rest after the backward step that reads them; gradients do not change.
@Suite struct ModelMemoryTests {
    static let image = TensorShape(channels: 3, height: 8, width: 8)
    static let networks: [String: NetworkSpec] = [
        "nb201-cell": TestNetworks.nb201Cell(input: image),
        "mbconv-se": TestNetworks.mbconvSE(input: image),
        "concat-slice-shift": TestNetworks.concatSliceShift(input: image),
        "repeated-ops": TestNetworks.repeatedOps(input: image),
        "nb201-bench": BenchNetworks.nb201(cells: 1),
    ]

    private func batch(_ spec: NetworkSpec, n: Int) -> Tensor {
        var rng = SeededRandom(seed: 3)
        let s = spec.input
        let x = Tensor(zeros: [n, s.channels, s.height, s.width])
        for i in 0..<x.count { x.data[i] = Float(rng.nextGaussian()) }
        return x
    }

    /// Every tensor the loss was computed from, each once.
    private func graph(of loss: Tensor) -> [Tensor] {
        var seen = Set<ObjectIdentifier>(), order: [Tensor] = [], stack = [loss]
        while let t = stack.popLast() {
            guard seen.insert(ObjectIdentifier(t)).inserted else { continue }
            order.append(t)
            stack.append(contentsOf: t.parents)
        }
        return order
    }

    /// Bytes of values held by the graph's results (not its leaves: parameters and the input).
    private func heldBytes(_ nodes: [Tensor]) -> Int {
        nodes.filter { $0.backwardStep != nil && $0.holdsValues }.reduce(0) { $0 + $1.storageCount * 4 }
    }

    @Test(arguments: ["nb201-cell", "mbconv-se", "concat-slice-shift", "repeated-ops", "nb201-bench"])
    func releasingFreesValuesAndKeepsTheGradients(_ name: String) throws {
        let spec = Self.networks[name]!
        let model = try Model(spec: spec, seed: 1)
        let x = batch(spec, n: 4)
        var grads: [[[Float]]] = [], held: [Int] = []
        for releasing in [false, true] {
            var rng = SeededRandom(seed: 1)
            model.parameters.forEach { $0.zeroGrad() }
            let logits = try model.forward(x, training: true, releasing: releasing, rng: &rng)
            let loss = logits.softmaxCrossEntropy(labels: [1, 0, 2, 1])
            let nodes = graph(of: loss)
            held.append(heldBytes(nodes))
            try loss.backward()
            grads.append(model.parameters.map(\.gradValues))
            if releasing {
                // After backward only the caller's results hold values: the logits and the loss.
                let holding = nodes.filter { $0.backwardStep != nil || !$0.parents.isEmpty }
                    .filter { $0.holdsValues && $0 !== loss && $0 !== logits }
                #expect(holding.isEmpty, "\(holding.map(\.shape))")
            }
            #expect(x.holdsValues && model.parameters.allSatisfy(\.holdsValues))
        }
        #expect(grads[0] == grads[1], "gradients differ when values are released")
        #expect(held[1] < held[0], "bytes held before backward: \(held[1]) releasing, \(held[0]) keeping")
    }

    /// In NAS-Bench-201's cells two ReLU-conv-BN edges leave each of the first two nodes; the
    /// forward pass computes each such ReLU once.
    @Test func repeatedActivationsAreComputedOnce() {
        let spec = BenchNetworks.nb201(cells: 2)
        let rewritten = SharedComputations.rewrite(spec)
        let relus = { (s: NetworkSpec) in s.nodes.filter { $0.op == .relu }.count }
        // Per cell, 5 ReLU-conv-BN edges read 3 distinct nodes: 2 repeats; 3 stages of 2 cells.
        #expect(relus(spec) - relus(rewritten) == 2 * 3 * 2)
        let repeated = SharedComputations.rewrite(TestNetworks.repeatedOps(input: Self.image))
        #expect(repeated.nodes.filter { $0.op == .maxPool(kernel: 3, stride: 1, padding: 1) }.count == 1)
    }
}
