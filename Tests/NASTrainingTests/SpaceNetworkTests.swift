import NASCore
import NASSpaces
import NASTensor
import Testing
@testable import NASTraining

/// Every space in the catalogue decodes architectures into networks that the builder turns into
/// trainable models: each node produces the shape the spec promises, a training step gives a
/// finite loss and gradients for every parameter, and the fused inference model agrees with the
/// training graph in inference mode.
@Suite struct SpaceNetworkTests {
    @Test(arguments: SpaceCatalogue.names)
    func sampledArchitecturesTrain(_ name: String) throws {
        let space = try SpaceCatalogue.make(name)
        var rng = SeededRandom(seed: 11)
        let input = TensorShape(channels: 1, height: 28, width: 28)
        do {
            let arch = space.sample(using: &rng)
            let spec = try space.network(arch, input: input, classes: 10)
            let model = try Model(spec: spec, seed: 1)
            let s = spec.input  // elastic-resolution spaces choose their own input size
            let x = Tensor(zeros: [2, s.channels, s.height, s.width])
            for i in 0..<x.count { x.data[i] = Float(rng.nextGaussian()) }
            var dropout = SeededRandom(seed: 2)
            let values = try model.activations(x, training: true, keepAll: true, rng: &dropout)
            for node in spec.nodes {
                #expect(values[node.id]!.count == 2 * node.outputShape.elementCount,
                        "\(name) \(space.canonical(arch)) node \(node.id) \(node.name): \(values[node.id]!.shape) vs \(node.outputShape)")
            }
            let loss = try Model.flattened(values[spec.output]!.plain()).softmaxCrossEntropy(labels: [3, 7])
            #expect(loss.values[0].isFinite)
            try loss.backward()
            // Nodes that do not reach the output (unused paths of a hierarchical motif) get none.
            #expect(model.parameters.contains { $0.grad != nil }, "\(name): no parameter got a gradient")
            let expected = try model.forward(x, training: false, rng: &dropout).values
            let got = try model.inferenceModel()(x).values
            // Deep networks (OFA: 20 layers at up to 224×224) accumulate float32 rounding differences
            // between folded and unfused batch norm; ModelTests checks small networks to 1e-4.
            #expect(Fixture.worst(got, expected, atol: 1e-2, rtol: 1e-2) <= 0,
                    "\(name) \(space.canonical(arch)): fused inference differs")
        }
    }
}

/// Elementwise comparison for NASTrainingTests.
enum Fixture {
    /// The largest `|a − b| − (atol + rtol·|b|)` (≤ 0 passes).
    static func worst(_ a: [Float], _ b: [Float], atol: Float = 1e-3, rtol: Float = 1e-3) -> Float {
        guard a.count == b.count else { return .infinity }
        return zip(a, b).map { abs($0 - $1) - (atol + rtol * abs($1)) }.max() ?? 0
    }
}
