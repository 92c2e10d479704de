import NASCore
import NASSpaces
import NASTensor
import Testing
@testable import NASTraining

/// The model builder on hand-written network specs of the kinds the spaces produce.
@Suite struct ModelTests {
    static let image = TensorShape(channels: 3, height: 8, width: 8)

    static let networks: [(String, NetworkSpec)] = [
        ("mlp", TestNetworks.mlp(input: TensorShape(channels: 1, height: 8, width: 8), classes: 10)),
        ("cnn", TestNetworks.referenceCNN()),
        ("nb201-cell", TestNetworks.nb201Cell(input: image)),
        ("mbconv-se", TestNetworks.mbconvSE(input: image)),
        ("concat-slice-shift", TestNetworks.concatSliceShift(input: image)),
        ("repeated-ops", TestNetworks.repeatedOps(input: image)),
    ]

    private func batch(_ spec: NetworkSpec, n: Int, seed: UInt64) -> Tensor {
        var rng = SeededRandom(seed: seed)
        let s = spec.input
        let x = Tensor(zeros: [n, s.channels, s.height, s.width])
        for i in 0..<x.count { x.data[i] = Float(rng.nextGaussian()) }
        return x
    }

    @Test(arguments: networks.map(\.0))
    func everyNodeHasTheShapeTheSpecPromises(_ name: String) throws {
        let spec = Self.networks.first { $0.0 == name }!.1
        let model = try Model(spec: spec, seed: 1)
        var rng = SeededRandom(seed: 2)
        let values = try model.activations(batch(spec, n: 3, seed: 3), training: true, keepAll: true, rng: &rng)
        for node in spec.nodes {
            let t = values[node.id]!
            #expect(t.batch == 3)
            #expect(t.count / 3 == node.outputShape.elementCount, "node \(node.id) \(node.op): \(t.shape) vs \(node.outputShape)")
        }
        let logits = try model.forward(batch(spec, n: 3, seed: 3), training: false, rng: &rng)
        #expect(logits.shape == [3, spec.nodes[spec.output].outputShape.elementCount])
    }

    @Test func parameterCountOfTheReferenceCNN() throws {
        // conv 8·1·9 + BN 2·8 + conv 16·8·9 + BN 2·16 + linear 784·10 + 10.
        let model = try Model(spec: TestNetworks.referenceCNN(), seed: 1)
        #expect(model.parameterCount == 72 + 16 + 1152 + 32 + 7840 + 10)
    }

    @Test func sameSeedSameWeights() throws {
        let spec = TestNetworks.mbconvSE(input: Self.image)
        let a = try Model(spec: spec, seed: 5).parameters.map(\.values)
        let b = try Model(spec: spec, seed: 5).parameters.map(\.values)
        let c = try Model(spec: spec, seed: 6).parameters.map(\.values)
        #expect(a == b)
        #expect(a != c)
    }

    /// Whole-network gradients (through BN, SE, residual adds, zero edges, concat and shift)
    /// against central differences of the cross-entropy loss; see NASTensorTests' GradientCheck
    /// for the tolerance argument (a smaller step here keeps ReLU kinks from being crossed).
    @Test(arguments: ["nb201-cell", "mbconv-se", "concat-slice-shift", "repeated-ops"])
    func wholeNetworkGradient(_ name: String) throws {
        let spec = Self.networks.first { $0.0 == name }!.1
        let model = try Model(spec: spec, seed: 1)
        let x = batch(spec, n: 4, seed: 9)
        let labels = [1, 0, 2, 1]
        func loss() throws -> Tensor {
            var rng = SeededRandom(seed: 1)
            return try model.forward(x, training: true, rng: &rng).softmaxCrossEntropy(labels: labels)
        }
        for p in model.parameters { p.zeroGrad() }
        try loss().backward()
        let eps: Float = 2e-3
        var worst = 0.0, detail = ""
        for (k, p) in model.parameters.enumerated() {
            let analytic = p.gradValues
            for i in Swift.stride(from: 0, to: p.count, by: max(1, p.count / 4)) {
                let saved = p.data[i]
                p.data[i] = saved + eps
                let plus = Double(try loss().values[0])
                p.data[i] = saved - eps
                let minus = Double(try loss().values[0])
                p.data[i] = saved
                let numeric = (plus - minus) / (2 * Double(eps))
                let violation = abs(numeric - Double(analytic[i])) - (3e-3 + 0.03 * abs(numeric))
                if violation > worst { worst = violation; detail = "param \(k) [\(i)]: \(analytic[i]) vs \(numeric)" }
            }
        }
        #expect(worst <= 0, "\(detail)")
    }

    /// The fused inference model (BN folded, activations as post-ops) computes what the
    /// training graph computes in inference mode, after training moved the running statistics.
    @Test(arguments: ["cnn", "nb201-cell", "mbconv-se"])
    func inferenceModelMatchesTheTrainingGraph(_ name: String) throws {
        let spec = Self.networks.first { $0.0 == name }!.1
        let model = try Model(spec: spec, seed: 1)
        var sgd = SGD(momentum: 0.9)
        var rng = SeededRandom(seed: 4)
        for step in 0..<3 {
            let loss = try model.forward(batch(spec, n: 8, seed: UInt64(step)), training: true, rng: &rng)
                .softmaxCrossEntropy(labels: Array(repeating: 1, count: 8))
            sgd.zeroGrad(model.parameters)
            try loss.backward()
            sgd.step(model.parameters, lr: 0.05)
        }
        let x = batch(spec, n: 2, seed: 77)
        let expected = try model.forward(x, training: false, rng: &rng).values
        let fast = model.inferenceModel()
        #expect(fast.fusedKernelCount > 0)
        let got = try fast(x).values
        #expect(got.count == expected.count)
        for (a, b) in zip(got, expected) { #expect(abs(a - b) <= 1e-4 + 1e-4 * abs(b)) }
    }

    @Test func badSpecIsAnErrorNamingTheNode() {
        var b = SpecBuilder(input: Self.image)
        b.add(.conv(outChannels: 4, kernel: 3, stride: 1, padding: 1, dilation: 1, groups: 2, bias: false), [-1])
        #expect(throws: ModelError.self) { try Model(spec: b.spec(), seed: 1) }
        do { _ = try Model(spec: b.spec(), seed: 1) } catch { #expect("\(error)".contains("node 0")) }
    }
}
