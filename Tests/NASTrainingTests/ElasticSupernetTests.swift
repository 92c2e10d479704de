import NASCore
import NASSpaces
import Testing
@testable import NASTensor
@testable import NASTraining

/// The elastic once-for-all supernet against naslab's stand-alone `ofa` networks: a sub-network
/// computes what `Model(spec: space.network(a, …))` computes with the sub-network's weights
/// (`activeTensors`), so elastic kernel, depth and width give exactly the networks the space decodes.
@Suite struct ElasticSupernetTests {
    static let input = TensorShape(channels: 1, height: 8, width: 8)

    /// A batch of `n` inputs of `shape`.
    static func batch(_ n: Int, _ shape: TensorShape, seed: UInt64) -> Tensor {
        var rng = SeededRandom(seed: seed)
        return Tensor(shape: [n, shape.channels, shape.height, shape.width],
                      values: (0..<(n * shape.elementCount)).map { _ in Float(rng.nextGaussian()) })
    }

    /// The stand-alone network of `a` with the supernet's active tensors (and batch-norm statistics) loaded by parameter name.
    static func standalone(_ supernet: ElasticSupernet, _ a: Architecture) throws -> Model {
        let model = try Model(spec: try supernet.subnetwork(a), seed: 99)
        let active = try supernet.activeTensors(a)
        for p in model.parameters {
            let t = try #require(active[p.name], "no elastic tensor for \(p.name)")
            try #require(t.shape == p.shape, "\(p.name): elastic \(t.shape), stand-alone \(p.shape)")
            p.data.update(from: t.values, count: p.count)
        }
        for node in model.spec.nodes {
            guard case .batchNorm(_, _, let mean, let variance)? = model.layers[node.id] else { continue }
            mean.data.update(from: try #require(active["\(node.name).running_mean"]).values, count: mean.count)
            variance.data.update(from: try #require(active["\(node.name).running_var"]).values, count: variance.count)
        }
        return model
    }

    /// Both networks' logits, in inference mode (the supernet's running statistics) and in training mode (batch statistics). Training mode normalises each layer by
    /// the batch's own spread, which magnifies float rounding in the last, 1×1 layers of a small
    /// batch: its tolerance is wider, still far below what a wrong weight or slice changes.
    static func expectSameFunction(_ supernet: ElasticSupernet, _ a: Architecture, seed: UInt64) throws {
        let model = try standalone(supernet, a)
        let x = batch(8, supernet.input, seed: seed)
        for (training, tolerance) in [(false, Float(1e-4)), (true, Float(1e-2))] {
            var rng = SeededRandom(seed: 0)
            let expected = try model.forward(x, training: training, rng: &rng).values
            let got = try supernet.forward(x, architecture: a, training: training).values
            #expect(got.count == expected.count)
            let worst = zip(got, expected).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
            #expect(worst < tolerance, "\(supernet.space.canonical(a)) training \(training): largest difference \(worst)")
        }
    }

    /// Random values in the transformation matrices, so that the test sees them act.
    static func perturbTransforms(_ supernet: ElasticSupernet, seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        for layer in supernet.layers { for m in layer.transforms.values {
            for i in 0..<m.count { m.data[i] += Float(rng.nextGaussian() * 0.2) }
        } }
    }

    @Test func theLargestSubnetworkIsThePublishedNetwork() throws {
        let space = OFASpace(resolutions: [32])
        let supernet = try ElasticSupernet(space: space, input: TensorShape(channels: 3, height: 32, width: 32), classes: 10, seed: 1)
        let largest = supernet.largest
        #expect(space.canonical(largest) == "r32 | " + Array(repeating: "k7e6 k7e6 k7e6 k7e6", count: 5).joined(separator: " | "))
        let published = try space.network(largest, input: supernet.input, classes: 10)
        #expect(try supernet.subnetwork(largest) == published)
        #expect(supernet.parameterCount - supernet.layers.flatMap { $0.transforms.values }.reduce(0) { $0 + $1.count }
                == (try Model(spec: published, seed: 1)).parameterCount)
        try Self.expectSameFunction(supernet, largest, seed: 2)
    }

    @Test(arguments: [UInt64(3), 4, 5])
    func everySubnetworkIsItsStandaloneNetwork(seed: UInt64) throws {
        let space = OFASpace(resolutions: [8, 12])
        let supernet = try ElasticSupernet(space: space, input: Self.input, classes: 5,
                                           scale: OFAScale(width: 0.25, stemStride: 1), seed: seed)
        Self.perturbTransforms(supernet, seed: seed)
        var rng = SeededRandom(seed: seed)
        for _ in 0..<3 { try Self.expectSameFunction(supernet, space.sample(using: &rng), seed: seed) }
    }

    @Test func activeTensorsHaveTheShapesOfTheDecodedNetwork() throws {
        let space = OFASpace(resolutions: [8])
        let supernet = try ElasticSupernet(space: space, input: Self.input, classes: 3, scale: OFAScale(width: 0.5, stemStride: 1), seed: 1)
        var rng = SeededRandom(seed: 7)
        for _ in 0..<20 {
            let a = space.sample(using: &rng)
            let model = try Self.standalone(supernet, a)  // requires every parameter's shape to match
            let trainable = try supernet.activeTensors(a).filter { !$0.key.hasSuffix("running_mean") && !$0.key.hasSuffix("running_var") }
            #expect(trainable.count == model.parameters.count)
            let logits = try supernet.forward(Self.batch(2, Self.input, seed: 1), architecture: a, training: false)
            #expect(logits.shape == [2, 3])
        }
    }

    @Test func sortingByImportanceKeepsTheFunctionAndOrdersChannels() throws {
        let space = OFASpace(resolutions: [8])
        let supernet = try ElasticSupernet(space: space, input: Self.input, classes: 4, scale: OFAScale(width: 0.25, stemStride: 1), seed: 2)
        let x = Self.batch(4, Self.input, seed: 3)
        let before = try supernet.forward(x, architecture: supernet.largest, training: false).values
        supernet.sortChannelsByImportance()
        let after = try supernet.forward(x, architecture: supernet.largest, training: false).values
        let worst = zip(before, after).map { abs($0 - $1) / max(1, abs($0)) }.max() ?? 0
        #expect(worst < 1e-4, "largest difference \(worst)")
        for layer in supernet.units.flatMap({ $0 }) {
            let norms = ElasticPermutation.l1(layer.project, axis: 1)
            #expect(zip(norms, norms.dropFirst()).allSatisfy { $0 >= $1 }, "\(layer.name)")
        }
    }

    /// The mean of each channel of an NCHW tensor.
    static func channelMeans(_ y: Tensor) -> [Float] {
        let n = y.batch, c = y.channels, plane = y.height * y.width, v = y.values
        var sums = [Double](repeating: 0, count: c)
        for s in 0..<n { for ch in 0..<c { for i in 0..<plane { sums[ch] += Double(v[(s * c + ch) * plane + i]) } } }
        return sums.map { Float($0 / Double(n * plane)) }
    }

    @Test func recalibrationAveragesTheBatchesStatistics() throws {
        let space = OFASpace(resolutions: [8])
        let supernet = try ElasticSupernet(space: space, input: Self.input, classes: 4, scale: OFAScale(width: 0.25, stemStride: 1), seed: 4)
        let batches = (0..<3).map { Self.batch(8, Self.input, seed: UInt64(10 + $0)) }
        try supernet.recalibrate(supernet.largest, batches: batches)
        // The stem's batch norm sees the stem convolution's output: its running mean is the mean of the three batch means.
        let means = try batches.map { Self.channelMeans(try $0.conv2d(weight: supernet.stem, stride: 1, padding: 1)) }
        var expected = [Float](repeating: 0, count: means[0].count)
        for m in means { for ch in m.indices { expected[ch] += m[ch] / 3 } }
        #expect(zip(supernet.stemBN.runningMean.values, expected).allSatisfy { abs($0 - $1) < 1e-4 })
    }
}
